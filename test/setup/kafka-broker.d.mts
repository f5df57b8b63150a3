export declare const KAFKA_SCRIPT: string;
export declare const DEFAULT_KAFKA_PORT: number;
export declare function kafkaStartedMarker(port: number): string;
export declare function runKafkaScript(args: string[], port: number, timeoutMs?: number): Promise<string>;
export declare function startKafka(port: number, opts?: { keepData?: boolean }): Promise<string>;
export declare function stopKafka(port: number, kill?: boolean): Promise<void>;
export declare function kafkaBrokers(): Promise<string>;
export declare function stopStartedBrokers(ports: number[]): Promise<void>;
