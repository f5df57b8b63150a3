import { SenderStats } from '../../../src/core/telemetry.js';
import { PartitionAcks, RetiredBatches } from '../../../src/sources/kafka/offset-acks.js';

function acks(): PartitionAcks {
  return new PartitionAcks(0, new SenderStats('kafka', 't/0'));
}

describe('offsets committed past what the outputs finished', () => {
  test('nothing to commit until the oldest batch is done; outputs finishing out of order wait for it', () => {
    const a = acks();
    const s1 = a.newBatchStats();
    const s2 = a.newBatchStats();
    a.add(s1, 3, '102'); // offsets 100..102
    a.add(s2, 2, '104');
    expect(a.settle()).toBeNull();
    s2.written += 2; // the later batch first
    expect(a.settle()).toBeNull();
    expect(a.ledger.written).toBe(0); // not folded yet: in flight until committed
    s1.written += 2;
    s1.deadLettered += 1;
    expect(a.settle()).toBe('105');
    expect(a.ledger).toMatchObject({ written: 4, deadLettered: 1 });
    expect(a.inFlight).toBe(0);
  });

  test('every outcome counts: written, dead-lettered, dropped with a reason', () => {
    const a = acks();
    const s = a.newBatchStats();
    a.add(s, 3, '9');
    s.written++;
    s.deadLettered++;
    expect(a.settle()).toBeNull();
    s.dropped.output_error++;
    expect(a.settle()).toBe('10');
    expect(a.ledger.dropped.output_error).toBe(1);
  });

  test('a failed commit is tried again; a successful one is not repeated', () => {
    const a = acks();
    const s = a.newBatchStats();
    a.add(s, 1, '0');
    s.written++;
    expect(a.settle()).toBe('1');
    expect(a.settle()).toBe('1'); // the commit did not go through
    a.committed('1');
    expect(a.settle()).toBeNull();
  });

  test('offsets past 2^53 stay exact', () => {
    const a = acks();
    const s = a.newBatchStats();
    a.add(s, 1, '9007199254740993');
    s.written++;
    expect(a.settle()).toBe('9007199254740994');
  });

  test('after a rebalance the batches in flight are never committed, but counted once done', () => {
    const a = acks();
    const retired = new RetiredBatches();
    const s = a.newBatchStats();
    a.add(s, 2, '7');
    a.retire(retired, false);
    s.written += 2;
    expect(a.settle()).toBeNull();
    expect(a.ledger.written).toBe(0);
    retired.settle();
    expect(a.ledger.written).toBe(2);
    expect(retired.size).toBe(0);
  });

  test('a partition kept through a rebalance still commits what was done before it', () => {
    const a = acks();
    const s = a.newBatchStats();
    a.add(s, 1, '3');
    s.written++;
    expect(a.settle()).toBe('4');
    a.retire(new RetiredBatches(), true);
    expect(a.settle()).toBe('4');
    a.retire(new RetiredBatches(), false);
    expect(a.settle()).toBeNull();
  });

  test('at shutdown what is known is counted; the rest stays in flight', () => {
    const a = acks();
    const s = a.newBatchStats();
    a.add(s, 5, '4');
    s.written += 3;
    a.foldRemaining();
    expect(a.ledger.written).toBe(3);
    expect(a.inFlight).toBe(0);
  });
});
