/**
 * @module An optional hook that tells a benchmark when a request passes a stage (parsed, checked,
 * inserted, …): `bench/booking-cpu.js` sets `stageProbe.mark` to read the CPU clock at each one.
 * Off unless a benchmark sets it: a mark is then one property read and a branch.
 */

export const stageProbe: { mark?: ((stage: string) => void) | undefined } = {};

/** Tells the probe, if one listens, that the current request just finished `stage`. */
export function markStage(stage: string): void {
  if (stageProbe.mark !== undefined) stageProbe.mark(stage);
}
