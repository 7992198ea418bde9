/**
 * @module The pure parts of reports: periods, zone offset runs and open time. The figures
 * themselves are counted by the database (see the API's `services/reports/`).
 */
export * from './open-time.js';
export * from './period.js';
export * from './zone-segments.js';
