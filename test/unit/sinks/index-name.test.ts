import { compileIndexTemplate, DEFAULT_INDEX_TEMPLATE } from '../../../src/sinks/index-name.js';

const at = (iso: string): number => Date.parse(iso);

describe('index names', () => {
  test('one name per dataset and UTC day, lower case, from the default template', () => {
    const nameFor = compileIndexTemplate(DEFAULT_INDEX_TEMPLATE);
    expect(nameFor('cisco_asa.log', at('2024-03-15T23:59:59.999Z'))).toBe('syslog-ecs-cisco_asa.log-2024.03.15');
    expect(nameFor('cisco_asa.log', at('2024-03-16T00:00:00.000Z'))).toBe('syslog-ecs-cisco_asa.log-2024.03.16');
    expect(nameFor('panw.panos', at('2024-03-16T08:00:00+01:00'))).toBe('syslog-ecs-panw.panos-2024.03.16');
    expect(nameFor('Mixed.Case', at('2024-01-02T00:00:00Z'))).toBe('syslog-ecs-mixed.case-2024.01.02');
  });

  test('events either side of midnight, interleaved, and then a third day, each get their own day', () => {
    const nameFor = compileIndexTemplate('net-{dataset}-{yyyy}-{MM}-{dd}');
    const before = at('2024-12-31T23:59:58Z');
    const after = at('2025-01-01T00:00:01Z');
    for (let i = 0; i < 5; i++) {
      expect(nameFor('syslog', before)).toBe('net-syslog-2024-12-31');
      expect(nameFor('syslog', after)).toBe('net-syslog-2025-01-01');
    }
    expect(nameFor('syslog', at('2025-01-02T12:00:00Z'))).toBe('net-syslog-2025-01-02');
    expect(nameFor('syslog', before)).toBe('net-syslog-2024-12-31');
    expect(nameFor('syslog', at('1999-06-30T10:00:00Z'))).toBe('net-syslog-1999-06-30');
  });

  test('namespace and an unknown placeholder', () => {
    expect(compileIndexTemplate('logs-{dataset}-{namespace}', 'prod')('syslog', 0)).toBe('logs-syslog-prod');
    expect(() => compileIndexTemplate('x-{yyyy.MM}')).toThrow('unknown placeholder {yyyy.MM}');
  });
});
