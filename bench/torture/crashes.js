export async function runCrashes() { throw new Error('todo'); }
