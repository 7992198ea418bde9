export async function runFuzz() {
  throw new Error('todo');
}
