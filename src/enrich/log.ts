/** Where enrichment reports reloads and rejected files: stderr unless the caller routes it. */
export type EnrichLog = (level: 'info' | 'warn', message: string) => void;

export const stderrLog: EnrichLog = (level, message) => {
  process.stderr.write(`syslog-ecs: ${level === 'warn' ? 'warning: ' : ''}${message}\n`);
};
