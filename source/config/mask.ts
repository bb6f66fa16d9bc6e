// How a stored key is shown: only its last three characters, as the aliyun CLI does (`***xyz`). Short values
// show nothing at all, so a mask never gives away most of a value.
export function mask(value: string | undefined): string {
	if (!value) return '';
	return value.length <= 6 ? '***' : `***${value.slice(-3)}`;
}
