export function distIsFresh(): boolean;
