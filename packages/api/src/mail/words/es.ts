/**
 * @module Español.
 */
import type { MailWords } from './en.js';

export const es: MailWords = {
  subject: {
    booking_received: (v) => `Solicitud de reserva recibida: ${v.service}, ${v.when}`,
    booking_confirmed: (v) => `Reserva confirmada: ${v.service}, ${v.when}`,
    booking_declined: (v) => `Solicitud de reserva rechazada: ${v.service}, ${v.when}`,
    booking_rescheduled: (v) => `Reserva cambiada: ${v.service}, ahora ${v.when}`,
    booking_cancelled: (v) => `Reserva cancelada: ${v.service}, ${v.when}`,
    booking_reminder: (v) => `Recordatorio: ${v.service}, ${v.when}`,
    reservation_made: (v) => `Reservado para recoger: ${v.product}`,
    reservation_expiring: (v) => `Tu reserva termina pronto: ${v.product}`,
    notice_new_booking: (v) => `Nueva reserva: ${v.customer}, ${v.service}, ${v.when}`,
    notice_awaiting_confirmation: (v) => `Por confirmar: ${v.customer}, ${v.service}, ${v.when}`,
    notice_cancelled_by_customer: (v) => `Cancelada por el cliente: ${v.customer}, ${v.service}, ${v.when}`,
    notice_webhook_disabled: () => 'Se ha desactivado un endpoint de webhook',
    notice_stock_low: (v) => `Stock bajo: ${v.product}`,
  },
  intro: {
    booking_received: (v) =>
      `Hola, ${v.customer}: ${v.business} ha recibido tu solicitud de reserva. Aún no está confirmada; recibirás otro correo cuando lo esté.`,
    booking_confirmed: (v) => `Hola, ${v.customer}: tu reserva con ${v.business} está confirmada.`,
    booking_declined: (v) =>
      `Hola, ${v.customer}: lo sentimos, ${v.business} no ha podido aceptar tu solicitud de reserva.`,
    booking_rescheduled: (v) => `Hola, ${v.customer}: tu reserva con ${v.business} ha cambiado de hora.`,
    booking_cancelled: (v) => `Hola, ${v.customer}: tu reserva con ${v.business} está cancelada.`,
    booking_reminder: (v) => `Hola, ${v.customer}: te recordamos tu reserva con ${v.business}.`,
    reservation_made: (v) =>
      `Hola, ${v.customer}: ${v.business} te lo guarda. Recógelo antes de la hora indicada abajo.`,
    reservation_expiring: (v) =>
      `Hola, ${v.customer}: tu reserva en ${v.business} termina pronto. Recógela antes de la hora indicada o volverá a la venta.`,
    notice_new_booking: (v) => `${v.customer} ha reservado ${v.service}.`,
    notice_awaiting_confirmation: (v) =>
      `${v.customer} quiere reservar ${v.service}. Confirma o rechaza la solicitud.`,
    notice_cancelled_by_customer: (v) => `${v.customer} ha cancelado su reserva de ${v.service}.`,
    notice_webhook_disabled: () =>
      'Frontdesk ha dejado de enviar eventos a este endpoint de webhook. Corrige el receptor y vuelve a activar el endpoint.',
    notice_stock_low: (v) => `Quedan pocas unidades de ${v.product}.`,
  },
  label: {
    service: 'Servicio',
    when: 'Cuándo',
    yourTime: 'Tu hora',
    previously: 'Antes',
    where: 'Dónde',
    with: 'Con',
    customer: 'Cliente',
    email: 'Correo',
    phone: 'Teléfono',
    notes: 'Notas',
    reason: 'Motivo',
    product: 'Producto',
    quantity: 'Cantidad',
    shop: 'Tienda',
    until: 'Recoger antes de',
    endpoint: 'Endpoint',
    available: 'Disponibles',
    reference: 'Referencia',
  },
  manage: 'Cambiar o cancelar tu reserva',
  pendingNote: 'Nota: el negocio aún no ha confirmado esta reserva.',
  calendarAttached: 'El archivo de calendario adjunto añade la reserva a tu calendario o la actualiza.',
  calendarRemove: 'El archivo de calendario adjunto quita la reserva de tu calendario.',
  contactBusiness: (business) => `Para cambiarla, ponte en contacto con ${business}.`,
  footer: (business) => `Enviado por Frontdesk en nombre de ${business}.`,
};
