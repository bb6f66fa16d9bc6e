import {t} from '../text/index.js';
import {ConfigError} from './errors.js';
import {locateJsonFault} from './json-locate.js';

/** A ConfigError for a JSON file that does not parse: the file, the line and column, and what to do. */
export function corruptJsonError(file: string, text: string, next: string): ConfigError {
	const fault = locateJsonFault(text) ?? {reason: 'unexpected-character', line: 1, column: 1};
	const reason = t(`config.json.${fault.reason}`);
	return new ConfigError(
		'corrupt',
		t('config.json.invalid', {file, reason, line: fault.line, column: fault.column}),
		next,
		{file, line: fault.line},
	);
}
