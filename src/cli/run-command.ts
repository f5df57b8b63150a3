export async function runCommand(_args: string[]): Promise<number> {
  throw new Error('run: not yet implemented');
}
