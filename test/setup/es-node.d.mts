export declare const ES_SCRIPT: string;
export declare const DEFAULT_PORT: number;
export declare function startedMarker(port: number): string;
export declare function runScript(args: string[], env?: Record<string, string>, timeoutMs?: number): Promise<string>;
export declare function startLocalNode(port: number, opts?: { keepData?: boolean; heap?: string }): Promise<string>;
export declare function stopLocalNode(port: number, kill?: boolean): Promise<void>;
export declare function esUrl(): Promise<string>;
export declare function stopStartedNodes(ports: number[]): Promise<void>;
