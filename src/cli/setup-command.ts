export async function setupCommand(_args: string[]): Promise<number> {
  throw new Error('setup: not yet implemented');
}
