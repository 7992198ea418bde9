/**
 * @module The demo business: a Lisbon salon with three resources (split hours), four services (a
 * class of 8, one that needs confirmation and asks questions) and keys. `seedDemo` is idempotent:
 * the business is found again by its seed tag; a re-run keeps the same publishable key (public by
 * design, kept in clear) and issues a fresh secret key (secrets are stored hashed, so the first
 * one cannot be shown again).
 */
import { eq } from 'drizzle-orm';
import type { Database, Db } from '../db/open.js';
import { businesses } from '../db/schema.js';
import { randomBase62 } from '../ids.js';
import { createBusiness } from './business.js';
import { createService } from './catalog.js';
import { seedDemoStock } from './demo-stock.js';
import { createKey } from './keys.js';
import { hashPassword } from './passwords.js';
import { createResource } from './resources.js';
import { revokeSessionsOf } from './sessions.js';
import { createUser, findUserByEmail, setPasswordHash } from './users.js';

const DEMO_TAG = 'demo';
/** The demo's hosted booking page is `/book/salao-lisboa`. */
export const DEMO_SLUG = 'salao-lisboa';

/** Origins the demo publishable key accepts: the bundled server and any localhost port (examples). */
export const demoOrigins = [
  'http://localhost:8787',
  'http://127.0.0.1:8787',
  'http://localhost:*',
  'http://127.0.0.1:*',
];

const split = [
  { start: '09:00', end: '13:00' },
  { start: '14:00', end: '19:00' },
];
const saturday = [{ start: '10:00', end: '14:00' }];

export interface DemoCatalog {
  resourceIds: { ana: string; bruno: string; studio: string };
  serviceIds: { haircut: string; beardTrim: string; yogaClass: string; colourConsultation: string };
}

/** Creates the demo resources and services for `businessId` (inside a write transaction). */
export async function seedCatalog(tx: Db, businessId: string, now: number): Promise<DemoCatalog> {
  const resource = (name: string, kind: 'person' | 'room', description: string, hours: object) =>
    createResource(tx, businessId, { name, kind, description, hours, active: true }, now);
  const ana = await resource('Ana', 'person', 'Stylist, colour specialist', {
    mon: split,
    tue: split,
    wed: split,
    thu: split,
    fri: split,
    sat: saturday,
  });
  const bruno = await resource('Bruno', 'person', 'Barber', {
    tue: split,
    wed: split,
    thu: split,
    fri: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
      { start: '17:00', end: '20:00' },
    ],
    sat: saturday,
  });
  const studio = await resource('Studio', 'room', 'Upstairs studio for classes', {
    mon: [{ start: '07:00', end: '21:00' }],
    wed: [{ start: '07:00', end: '21:00' }],
    fri: [{ start: '07:00', end: '21:00' }],
  });
  const base = {
    description: '',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: undefined,
    minNoticeMinutes: 60,
    horizonDays: 60,
    capacity: 1,
    price: null,
    requiresConfirmation: false,
    cancellationCutoffMinutes: 0,
    rescheduleCutoffMinutes: 0,
    questions: [],
    active: true,
  };
  const haircut = await createService(
    tx,
    businessId,
    {
      ...base,
      name: 'Haircut',
      description: 'Wash, cut and style.',
      durationMinutes: 45,
      bufferAfterMinutes: 15,
      slotIntervalMinutes: 30,
      resourceIds: [ana.id, bruno.id],
      price: { amount: 2500, currency: 'EUR' },
      cancellationCutoffMinutes: 120,
      rescheduleCutoffMinutes: 120,
    },
    now,
  );
  const beardTrim = await createService(
    tx,
    businessId,
    {
      ...base,
      name: 'Beard trim',
      durationMinutes: 20,
      bufferAfterMinutes: 10,
      resourceIds: [bruno.id],
      price: { amount: 1200, currency: 'EUR' },
    },
    now,
  );
  const yogaClass = await createService(
    tx,
    businessId,
    {
      ...base,
      name: 'Morning yoga class',
      description: 'Mats provided. Up to 8 people.',
      durationMinutes: 60,
      slotIntervalMinutes: 120,
      capacity: 8,
      resourceIds: [studio.id],
      price: { amount: 1000, currency: 'EUR' },
    },
    now,
  );
  const colourConsultation = await createService(
    tx,
    businessId,
    {
      ...base,
      name: 'Colour consultation',
      description: 'We confirm within a day.',
      durationMinutes: 30,
      resourceIds: [ana.id],
      requiresConfirmation: true,
      cancellationCutoffMinutes: 24 * 60,
      rescheduleCutoffMinutes: 24 * 60,
      questions: [
        {
          id: 'hair-length',
          label: 'Hair length',
          type: 'select',
          required: true,
          options: ['Short', 'Medium', 'Long'],
        },
        { id: 'allergies', label: 'Any allergies?', type: 'textarea', required: false },
        { id: 'first-visit', label: 'First visit', type: 'checkbox', required: false },
      ],
    },
    now,
  );
  return {
    resourceIds: { ana: ana.id, bruno: bruno.id, studio: studio.id },
    serviceIds: {
      haircut: haircut.id,
      beardTrim: beardTrim.id,
      yogaClass: yogaClass.id,
      colourConsultation: colourConsultation.id,
    },
  };
}

export interface DemoSeed {
  businessId: string;
  publishableKey: string;
  secretKey: string;
  /** The demo owner's console sign-in; the password is new on every run (stored only hashed). */
  ownerEmail: string;
  ownerPassword: string;
  /** False when the demo business already existed (only a fresh secret key was made). */
  created: boolean;
}

export const DEMO_OWNER_EMAIL = 'owner@demo.frontdesk.test';

/** Makes (or, on a re-run, gives a new password to) the demo owner. */
async function demoOwner(tx: Db, businessId: string, passwordHash: string, now: number): Promise<void> {
  const existing = await findUserByEmail(tx, DEMO_OWNER_EMAIL);
  if (existing && existing.businessId === businessId) {
    await setPasswordHash(tx, existing.id, passwordHash, now);
    await revokeSessionsOf(tx, existing.id, now);
    return;
  }
  if (existing) return;
  await createUser(
    tx,
    businessId,
    { email: DEMO_OWNER_EMAIL, name: 'Demo owner', role: 'owner', resourceIds: [], passwordHash },
    now,
  );
}

export async function seedDemo(database: Database, now = Date.now()): Promise<DemoSeed> {
  const ownerPassword = `demo-${randomBase62(16)}`;
  // Hashing takes a while on purpose: do it before taking the writer.
  const passwordHash = await hashPassword(ownerPassword);
  const owner = { ownerEmail: DEMO_OWNER_EMAIL, ownerPassword };
  return database.write(async (tx) => {
    const [existing] = await tx.select().from(businesses).where(eq(businesses.seedTag, DEMO_TAG));
    // The demo gets its slug unless another business took it first (then it has no hosted page).
    const [slugTaken] = await tx.select().from(businesses).where(eq(businesses.slug, DEMO_SLUG));
    if (existing?.demoPublishableKey) {
      // Demos seeded before businesses had slugs get theirs now.
      if (existing.slug === null && !slugTaken) {
        await tx.update(businesses).set({ slug: DEMO_SLUG }).where(eq(businesses.id, existing.id));
      }
      const sk = await createKey(
        tx,
        existing.id,
        { kind: 'secret', label: 'demo (seed re-run)', allowedOrigins: [] },
        now,
      );
      await demoOwner(tx, existing.id, passwordHash, now);
      return {
        businessId: existing.id,
        publishableKey: existing.demoPublishableKey,
        secretKey: sk.secret,
        ...owner,
        created: false,
      };
    }
    const business = await createBusiness(
      tx,
      {
        name: 'Salão Lisboa',
        timezone: 'Europe/Lisbon',
        locale: 'pt-PT',
        currency: 'EUR',
        seedTag: DEMO_TAG,
        ...(slugTaken ? {} : { slug: DEMO_SLUG }),
      },
      now,
    );
    await seedCatalog(tx, business.id, now);
    await seedDemoStock(tx, business.id, now);
    const pk = await createKey(
      tx,
      business.id,
      { kind: 'publishable', label: 'demo', allowedOrigins: demoOrigins },
      now,
    );
    const sk = await createKey(tx, business.id, { kind: 'secret', label: 'demo', allowedOrigins: [] }, now);
    await tx.update(businesses).set({ demoPublishableKey: pk.secret }).where(eq(businesses.id, business.id));
    await demoOwner(tx, business.id, passwordHash, now);
    return {
      businessId: business.id,
      publishableKey: pk.secret,
      secretKey: sk.secret,
      ...owner,
      created: true,
    };
  });
}

/** The demo's publishable key (for the `/demo` page), or null when the demo was never seeded. */
export async function demoPublishableKey(database: Database): Promise<string | null> {
  const [row] = await database.db
    .select({ key: businesses.demoPublishableKey })
    .from(businesses)
    .where(eq(businesses.seedTag, DEMO_TAG));
  return row?.key ?? null;
}
