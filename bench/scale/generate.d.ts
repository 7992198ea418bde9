/** Types of what test/torture/scale-smoke.test.ts imports from generate.js and size.js. */
export interface GenerateOptions {
  bookings: number;
  businesses: number;
  years: number;
  stockPerBooking: number;
  seed: number;
  /** "Today" in epoch ms: history ends here. */
  now: number;
  out: string;
  quiet: boolean;
}
export declare function parseOptions(argv: string[]): GenerateOptions;
export declare function generate(
  options: GenerateOptions,
  log?: (line: string) => void,
): Promise<{ out: string; seconds: number; counts: Record<string, number>; demo: { businessId: string } }>;
