/**
 * @module Deutsch.
 */
import type { MailWords } from './en.js';

export const de: MailWords = {
  subject: {
    booking_received: (v) => `Buchungsanfrage erhalten: ${v.service}, ${v.when}`,
    booking_confirmed: (v) => `Buchung bestätigt: ${v.service}, ${v.when}`,
    booking_declined: (v) => `Buchungsanfrage abgelehnt: ${v.service}, ${v.when}`,
    booking_rescheduled: (v) => `Buchung verschoben: ${v.service}, jetzt ${v.when}`,
    booking_cancelled: (v) => `Buchung storniert: ${v.service}, ${v.when}`,
    booking_reminder: (v) => `Erinnerung: ${v.service}, ${v.when}`,
    reservation_made: (v) => `Zur Abholung reserviert: ${v.product}`,
    reservation_expiring: (v) => `Ihre Reservierung läuft bald ab: ${v.product}`,
    notice_new_booking: (v) => `Neue Buchung: ${v.customer}, ${v.service}, ${v.when}`,
    notice_awaiting_confirmation: (v) => `Zu bestätigen: ${v.customer}, ${v.service}, ${v.when}`,
    notice_cancelled_by_customer: (v) => `Vom Kunden storniert: ${v.customer}, ${v.service}, ${v.when}`,
    notice_webhook_disabled: () => 'Ein Webhook-Endpunkt wurde deaktiviert',
    notice_stock_low: (v) => `Bestand niedrig: ${v.product}`,
  },
  intro: {
    booking_received: (v) =>
      `Hallo ${v.customer}, ${v.business} hat Ihre Buchungsanfrage erhalten. Sie ist noch nicht bestätigt; Sie bekommen eine weitere E-Mail, sobald sie es ist.`,
    booking_confirmed: (v) => `Hallo ${v.customer}, Ihre Buchung bei ${v.business} ist bestätigt.`,
    booking_declined: (v) =>
      `Hallo ${v.customer}, leider konnte ${v.business} Ihre Buchungsanfrage nicht annehmen.`,
    booking_rescheduled: (v) => `Hallo ${v.customer}, Ihre Buchung bei ${v.business} wurde verschoben.`,
    booking_cancelled: (v) => `Hallo ${v.customer}, Ihre Buchung bei ${v.business} ist storniert.`,
    booking_reminder: (v) => `Hallo ${v.customer}, wir erinnern Sie an Ihre Buchung bei ${v.business}.`,
    reservation_made: (v) =>
      `Hallo ${v.customer}, ${v.business} legt das für Sie zurück. Bitte holen Sie es vor dem unten genannten Zeitpunkt ab.`,
    reservation_expiring: (v) =>
      `Hallo ${v.customer}, Ihre Reservierung bei ${v.business} läuft bald ab. Holen Sie sie vor dem unten genannten Zeitpunkt ab, sonst geht die Ware zurück in den Verkauf.`,
    notice_new_booking: (v) => `${v.customer} hat ${v.service} gebucht.`,
    notice_awaiting_confirmation: (v) =>
      `${v.customer} möchte ${v.service} buchen. Bitte bestätigen Sie die Anfrage oder lehnen Sie sie ab.`,
    notice_cancelled_by_customer: (v) => `${v.customer} hat die Buchung von ${v.service} storniert.`,
    notice_webhook_disabled: () =>
      'Frontdesk sendet keine Ereignisse mehr an diesen Webhook-Endpunkt. Beheben Sie das Problem beim Empfänger und aktivieren Sie den Endpunkt wieder.',
    notice_stock_low: (v) => `${v.product} wird knapp.`,
  },
  label: {
    service: 'Leistung',
    when: 'Wann',
    yourTime: 'Ihre Zeit',
    previously: 'Vorher',
    where: 'Wo',
    with: 'Bei',
    customer: 'Kunde',
    email: 'E-Mail',
    phone: 'Telefon',
    notes: 'Anmerkungen',
    reason: 'Grund',
    product: 'Artikel',
    quantity: 'Menge',
    shop: 'Geschäft',
    until: 'Abholen bis',
    endpoint: 'Endpunkt',
    available: 'Verfügbar',
    reference: 'Referenz',
  },
  manage: 'Buchung ändern oder stornieren',
  pendingNote: 'Hinweis: Das Geschäft hat diese Buchung noch nicht bestätigt.',
  calendarAttached:
    'Die angehängte Kalenderdatei trägt die Buchung in Ihren Kalender ein oder aktualisiert sie dort.',
  calendarRemove: 'Die angehängte Kalenderdatei entfernt die Buchung aus Ihrem Kalender.',
  contactBusiness: (business) => `Für Änderungen wenden Sie sich bitte an ${business}.`,
  footer: (business) => `Von Frontdesk im Auftrag von ${business} gesendet.`,
};
