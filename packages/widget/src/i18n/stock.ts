/**
 * @module Words of `<frontdesk-stock>`, in the languages the widget ships. Small enough to carry
 * all four in the stock chunk rather than a chunk per language.
 */

export interface StockMessages {
  inStock: string;
  low: (n: number) => string;
  out: string;
  /** Label of the per-location list. */
  byLocation: string;
  reconnecting: string;
  unavailable: string;
  loading: string;
}

const en: StockMessages = {
  inStock: 'In stock',
  low: (n) => (n === 1 ? 'Only 1 left' : `Only ${n} left`),
  out: 'Out of stock',
  byLocation: 'Stock by shop',
  reconnecting: 'Reconnecting… the numbers may be out of date.',
  unavailable: 'Stock information is unavailable right now.',
  loading: 'Checking stock…',
};

const messages: Record<string, StockMessages> = {
  en,
  de: {
    inStock: 'Auf Lager',
    low: (n) => `Nur noch ${n} verfügbar`,
    out: 'Ausverkauft',
    byLocation: 'Bestand je Geschäft',
    reconnecting: 'Verbindung wird wiederhergestellt… die Zahlen sind eventuell veraltet.',
    unavailable: 'Bestandsinformationen sind gerade nicht verfügbar.',
    loading: 'Bestand wird geprüft…',
  },
  es: {
    inStock: 'En stock',
    low: (n) => (n === 1 ? 'Solo queda 1' : `Solo quedan ${n}`),
    out: 'Agotado',
    byLocation: 'Stock por tienda',
    reconnecting: 'Reconectando… las cifras pueden no estar al día.',
    unavailable: 'La información de stock no está disponible ahora.',
    loading: 'Comprobando stock…',
  },
  fr: {
    inStock: 'En stock',
    low: (n) => (n === 1 ? 'Plus qu’un exemplaire' : `Plus que ${n} exemplaires`),
    out: 'Rupture de stock',
    byLocation: 'Stock par boutique',
    reconnecting: 'Reconnexion… les chiffres peuvent ne pas être à jour.',
    unavailable: 'Les informations de stock sont indisponibles pour le moment.',
    loading: 'Vérification du stock…',
  },
};

/** The messages for a language tag (by primary subtag), English when not shipped. */
export function stockMessages(lang: string): StockMessages {
  return messages[lang.toLowerCase().split('-')[0] ?? ''] ?? en;
}
