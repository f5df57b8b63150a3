/** Types of kibana/generate.mjs for the tests that read its saved objects. */
export declare const OBJECTS: { id: string; type: string; attributes: Record<string, any>; references: { id: string; type: string; name: string }[] }[];
export declare function ndjson(): string;
