/** Types of size.js for test/torture/scale-smoke.test.ts. */
export interface FileSize {
  file: string;
  fileBytes: number;
  bookings: number;
  total: number;
  tables: { table: string; bytes: number; rows: number | null }[];
}
export declare function sizeOf(file: string): Promise<FileSize>;
export declare function formatSize(size: FileSize): string;
