/**
 * @module Português (europeu).
 */
import type { MailWords } from './en.js';

export const pt: MailWords = {
  subject: {
    booking_received: (v) => `Pedido de marcação recebido: ${v.service}, ${v.when}`,
    booking_confirmed: (v) => `Marcação confirmada: ${v.service}, ${v.when}`,
    booking_declined: (v) => `Pedido de marcação recusado: ${v.service}, ${v.when}`,
    booking_rescheduled: (v) => `Marcação alterada: ${v.service}, agora ${v.when}`,
    booking_cancelled: (v) => `Marcação cancelada: ${v.service}, ${v.when}`,
    booking_reminder: (v) => `Lembrete: ${v.service}, ${v.when}`,
    reservation_made: (v) => `Reservado para levantar: ${v.product}`,
    reservation_expiring: (v) => `A sua reserva termina em breve: ${v.product}`,
    notice_new_booking: (v) => `Nova marcação: ${v.customer}, ${v.service}, ${v.when}`,
    notice_awaiting_confirmation: (v) => `Por confirmar: ${v.customer}, ${v.service}, ${v.when}`,
    notice_cancelled_by_customer: (v) => `Cancelada pelo cliente: ${v.customer}, ${v.service}, ${v.when}`,
    notice_webhook_disabled: () => 'Um endpoint de webhook foi desativado',
    notice_stock_low: (v) => `Stock baixo: ${v.product}`,
  },
  intro: {
    booking_received: (v) =>
      `Olá ${v.customer}, ${v.business} recebeu o seu pedido de marcação. Ainda não está confirmado: receberá outro email quando estiver.`,
    booking_confirmed: (v) => `Olá ${v.customer}, a sua marcação em ${v.business} está confirmada.`,
    booking_declined: (v) =>
      `Olá ${v.customer}, lamentamos: ${v.business} não pôde aceitar o seu pedido de marcação.`,
    booking_rescheduled: (v) => `Olá ${v.customer}, a sua marcação em ${v.business} mudou de horário.`,
    booking_cancelled: (v) => `Olá ${v.customer}, a sua marcação em ${v.business} foi cancelada.`,
    booking_reminder: (v) => `Olá ${v.customer}, lembramos a sua marcação em ${v.business}.`,
    reservation_made: (v) =>
      `Olá ${v.customer}, ${v.business} guarda isto para si. Levante-o antes da hora indicada abaixo.`,
    reservation_expiring: (v) =>
      `Olá ${v.customer}, a sua reserva em ${v.business} termina em breve. Levante-a antes da hora indicada, ou volta para venda.`,
    notice_new_booking: (v) => `${v.customer} marcou ${v.service}.`,
    notice_awaiting_confirmation: (v) =>
      `${v.customer} pediu para marcar ${v.service}. Confirme ou recuse o pedido.`,
    notice_cancelled_by_customer: (v) => `${v.customer} cancelou a marcação de ${v.service}.`,
    notice_webhook_disabled: () =>
      'O Frontdesk deixou de enviar eventos para este endpoint de webhook. Corrija o recetor e volte a ativar o endpoint.',
    notice_stock_low: (v) => `${v.product} está a acabar.`,
  },
  label: {
    service: 'Serviço',
    when: 'Quando',
    yourTime: 'A sua hora',
    previously: 'Antes',
    where: 'Onde',
    with: 'Com',
    customer: 'Cliente',
    email: 'Email',
    phone: 'Telefone',
    notes: 'Notas',
    reason: 'Motivo',
    product: 'Produto',
    quantity: 'Quantidade',
    shop: 'Loja',
    until: 'Levantar até',
    endpoint: 'Endpoint',
    available: 'Disponível',
    reference: 'Referência',
  },
  manage: 'Alterar ou cancelar a sua marcação',
  pendingNote: 'Nota: o estabelecimento ainda não confirmou esta marcação.',
  calendarAttached: 'O ficheiro de calendário em anexo adiciona a marcação ao seu calendário, ou atualiza-a.',
  calendarRemove: 'O ficheiro de calendário em anexo remove a marcação do seu calendário.',
  contactBusiness: (business) => `Para a alterar, contacte ${business}.`,
  footer: (business) => `Enviado pelo Frontdesk em nome de ${business}.`,
};
