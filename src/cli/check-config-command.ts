export async function checkConfigCommand(_args: string[]): Promise<number> {
  throw new Error('check-config: not yet implemented');
}
