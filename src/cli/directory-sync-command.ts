export async function directorySyncCommand(_args: string[]): Promise<number> {
  throw new Error('directory-sync: not yet implemented');
}
