/**
 * @module Français.
 */
import type { MailWords } from './en.js';

export const fr: MailWords = {
  subject: {
    booking_received: (v) => `Demande de réservation reçue : ${v.service}, ${v.when}`,
    booking_confirmed: (v) => `Réservation confirmée : ${v.service}, ${v.when}`,
    booking_declined: (v) => `Demande de réservation refusée : ${v.service}, ${v.when}`,
    booking_rescheduled: (v) => `Réservation déplacée : ${v.service}, désormais ${v.when}`,
    booking_cancelled: (v) => `Réservation annulée : ${v.service}, ${v.when}`,
    booking_reminder: (v) => `Rappel : ${v.service}, ${v.when}`,
    reservation_made: (v) => `Réservé pour retrait : ${v.product}`,
    reservation_expiring: (v) => `Votre réservation expire bientôt : ${v.product}`,
    notice_new_booking: (v) => `Nouvelle réservation : ${v.customer}, ${v.service}, ${v.when}`,
    notice_awaiting_confirmation: (v) => `À confirmer : ${v.customer}, ${v.service}, ${v.when}`,
    notice_cancelled_by_customer: (v) => `Annulée par le client : ${v.customer}, ${v.service}, ${v.when}`,
    notice_webhook_disabled: () => 'Un endpoint de webhook a été désactivé',
    notice_stock_low: (v) => `Stock bas : ${v.product}`,
  },
  intro: {
    booking_received: (v) =>
      `Bonjour ${v.customer}, ${v.business} a bien reçu votre demande de réservation. Elle n’est pas encore confirmée : vous recevrez un autre e-mail dès qu’elle le sera.`,
    booking_confirmed: (v) => `Bonjour ${v.customer}, votre réservation chez ${v.business} est confirmée.`,
    booking_declined: (v) =>
      `Bonjour ${v.customer}, nous sommes désolés : ${v.business} n’a pas pu accepter votre demande de réservation.`,
    booking_rescheduled: (v) => `Bonjour ${v.customer}, votre réservation chez ${v.business} a été déplacée.`,
    booking_cancelled: (v) => `Bonjour ${v.customer}, votre réservation chez ${v.business} est annulée.`,
    booking_reminder: (v) => `Bonjour ${v.customer}, petit rappel de votre réservation chez ${v.business}.`,
    reservation_made: (v) =>
      `Bonjour ${v.customer}, ${v.business} vous le met de côté. Merci de le retirer avant l’heure indiquée ci-dessous.`,
    reservation_expiring: (v) =>
      `Bonjour ${v.customer}, votre réservation chez ${v.business} expire bientôt. Retirez-la avant l’heure indiquée, sinon l’article sera remis en vente.`,
    notice_new_booking: (v) => `${v.customer} a réservé ${v.service}.`,
    notice_awaiting_confirmation: (v) =>
      `${v.customer} souhaite réserver ${v.service}. Merci de confirmer ou de refuser la demande.`,
    notice_cancelled_by_customer: (v) => `${v.customer} a annulé sa réservation de ${v.service}.`,
    notice_webhook_disabled: () =>
      'Frontdesk n’envoie plus d’événements à cet endpoint de webhook. Corrigez le récepteur, puis réactivez l’endpoint.',
    notice_stock_low: (v) => `Le stock de ${v.product} est bas.`,
  },
  label: {
    service: 'Prestation',
    when: 'Quand',
    yourTime: 'Votre heure',
    previously: 'Avant',
    where: 'Où',
    with: 'Avec',
    customer: 'Client',
    email: 'E-mail',
    phone: 'Téléphone',
    notes: 'Remarques',
    reason: 'Motif',
    product: 'Article',
    quantity: 'Quantité',
    shop: 'Boutique',
    until: 'À retirer avant',
    endpoint: 'Endpoint',
    available: 'Disponible',
    reference: 'Référence',
  },
  manage: 'Modifier ou annuler votre réservation',
  pendingNote: 'À noter : l’établissement n’a pas encore confirmé cette réservation.',
  calendarAttached: 'Le fichier de calendrier joint ajoute la réservation à votre agenda, ou la met à jour.',
  calendarRemove: 'Le fichier de calendrier joint retire la réservation de votre agenda.',
  contactBusiness: (business) => `Pour la modifier, contactez ${business}.`,
  footer: (business) => `Envoyé par Frontdesk pour le compte de ${business}.`,
};
