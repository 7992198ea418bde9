/**
 * @module Words of `<frontdesk-stock>`, in the languages the widget ships. Small enough to carry
 * all five in the stock chunk rather than a chunk per language.
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
  reserve: string;
  shop: string;
  quantity: string;
  name: string;
  email: string;
  submit: string;
  cancel: string;
  sending: string;
  reserved: (shop: string, until: string) => string;
  notEnough: string;
  checkFields: string;
  failed: string;
}

const en: StockMessages = {
  inStock: 'In stock',
  low: (n) => (n === 1 ? 'Only 1 left' : `Only ${n} left`),
  out: 'Out of stock',
  byLocation: 'Stock by shop',
  reconnecting: 'Reconnecting… the numbers may be out of date.',
  unavailable: 'Stock information is unavailable right now.',
  loading: 'Checking stock…',
  reserve: 'Reserve for pickup',
  shop: 'Shop',
  quantity: 'Quantity',
  name: 'Name',
  email: 'Email',
  submit: 'Reserve',
  cancel: 'Cancel',
  sending: 'Reserving…',
  reserved: (shop, until) => `Reserved. Collect it at ${shop} before ${until}.`,
  notEnough: 'Sorry, not enough left to reserve that many.',
  checkFields: 'Please check your name and email.',
  failed: 'The reservation did not go through. Please try again.',
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
    reserve: 'Zur Abholung reservieren',
    shop: 'Geschäft',
    quantity: 'Menge',
    name: 'Name',
    email: 'E-Mail',
    submit: 'Reservieren',
    cancel: 'Abbrechen',
    sending: 'Wird reserviert…',
    reserved: (shop, until) => `Reserviert. Abholung in ${shop} bis ${until}.`,
    notEnough: 'Leider ist nicht mehr genug für diese Menge da.',
    checkFields: 'Bitte prüfen Sie Name und E-Mail.',
    failed: 'Die Reservierung hat nicht geklappt. Bitte versuchen Sie es erneut.',
  },
  es: {
    inStock: 'En stock',
    low: (n) => (n === 1 ? 'Solo queda 1' : `Solo quedan ${n}`),
    out: 'Agotado',
    byLocation: 'Stock por tienda',
    reconnecting: 'Reconectando… las cifras pueden no estar al día.',
    unavailable: 'La información de stock no está disponible ahora.',
    loading: 'Comprobando stock…',
    reserve: 'Reservar para recoger',
    shop: 'Tienda',
    quantity: 'Cantidad',
    name: 'Nombre',
    email: 'Correo electrónico',
    submit: 'Reservar',
    cancel: 'Cancelar',
    sending: 'Reservando…',
    reserved: (shop, until) => `Reservado. Recógelo en ${shop} antes de ${until}.`,
    notEnough: 'Lo sentimos, no quedan suficientes para reservar esa cantidad.',
    checkFields: 'Revisa tu nombre y tu correo electrónico.',
    failed: 'La reserva no se ha completado. Inténtalo de nuevo.',
  },
  fr: {
    inStock: 'En stock',
    low: (n) => (n === 1 ? 'Plus qu’un exemplaire' : `Plus que ${n} exemplaires`),
    out: 'Rupture de stock',
    byLocation: 'Stock par boutique',
    reconnecting: 'Reconnexion… les chiffres peuvent ne pas être à jour.',
    unavailable: 'Les informations de stock sont indisponibles pour le moment.',
    loading: 'Vérification du stock…',
    reserve: 'Réserver pour retrait',
    shop: 'Boutique',
    quantity: 'Quantité',
    name: 'Nom',
    email: 'E-mail',
    submit: 'Réserver',
    cancel: 'Annuler',
    sending: 'Réservation…',
    reserved: (shop, until) => `Réservé. À retirer à ${shop} avant ${until}.`,
    notEnough: 'Désolé, il n’en reste pas assez pour cette quantité.',
    checkFields: 'Vérifiez votre nom et votre e-mail.',
    failed: 'La réservation n’a pas abouti. Veuillez réessayer.',
  },
  pt: {
    inStock: 'Em stock',
    low: (n) => (n === 1 ? 'Só resta 1' : `Só restam ${n}`),
    out: 'Esgotado',
    byLocation: 'Stock por loja',
    reconnecting: 'A restabelecer a ligação… os números podem estar desatualizados.',
    unavailable: 'A informação de stock não está disponível de momento.',
    loading: 'A verificar o stock…',
    reserve: 'Reservar para levantar',
    shop: 'Loja',
    quantity: 'Quantidade',
    name: 'Nome',
    email: 'Email',
    submit: 'Reservar',
    cancel: 'Cancelar',
    sending: 'A reservar…',
    reserved: (shop, until) => `Reservado. Levante em ${shop} até ${until}.`,
    notEnough: 'Lamentamos, já não há o suficiente para reservar essa quantidade.',
    checkFields: 'Verifique o nome e o email.',
    failed: 'A reserva não foi concluída. Tente de novo.',
  },
};

const primary = (lang: string) => lang.toLowerCase().split('-')[0] ?? '';

/** The language the element speaks for `lang`: the tag itself when shipped, else `en`. */
export function stockLocale(lang: string): string {
  return messages[primary(lang)] ? lang : 'en';
}

/** The messages for a language tag (by primary subtag), English when not shipped. */
export function stockMessages(lang: string): StockMessages {
  return messages[primary(lang)] ?? en;
}
