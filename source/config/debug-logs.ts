// The libraries under pop-core and @alicloud/credentials log through `debug` what must never be shown: the string
// to sign (namespace `sign`: the source keys and the STS token) and every request's headers and body (`httpx:*`:
// the signed query, the SecurityToken, the keys STS hands back). DEBUG=* turns them on. A copy of `debug` reads
// DEBUG when it loads, so DEBUG is narrowed before those libraries load, and the copy that may have loaded
// already (the credentials library and pop-core share it) is told the same through `debug` itself. Every other
// namespace the person asked for stays on.
type Debug = {enable(namespaces: string): void};

const secretNamespaces = ['-sign', '-httpx:*'];

let hidden: Promise<void> | undefined;

/** Call before loading pop-core or the credentials library. */
export function hideSecretLogs(): Promise<void> {
	hidden ??= (async () => {
		const namespaces = [process.env.DEBUG, ...secretNamespaces].filter(Boolean).join(',');
		process.env.DEBUG = namespaces;
		const module = (await import('debug')) as unknown as Debug & {default?: Debug};
		(module.default ?? module).enable(namespaces);
	})();
	return hidden;
}
