export async function runSoak() {
  throw new Error('todo');
}
