// Messages of `ecs-sg sandbox` (the command; the sandbox's API errors are the API's own English messages).
export const en = {
	'sandbox.error.port': '--port must be a whole number from 0 to 65535, not "{value}".',
	'sandbox.error.latency': '--latency must be a whole number of milliseconds, 0 or more, not "{value}".',
	'sandbox.error.stsTtl': '--sts-ttl must be a whole number of seconds, 1 or more, not "{value}".',
	'sandbox.error.metadataPort': '--metadata-port must be a whole number from 0 to 65535, not "{value}".',
	'sandbox.error.faultFormat':
		'--fault "{value}" is not a fault: write ACTION:KIND[:COUNT], e.g. CreateSecurityGroup:throttle:2.',
	'sandbox.error.faultAction':
		'--fault "{value}": "{action}" is not an action the sandbox answers; use one of {actions}, or * for all.',
	'sandbox.error.faultKind':
		'--fault "{value}": "{kind}" is not a fault kind; use throttle, unavailable, internal, reset, hang or lose.',
	'sandbox.error.faultCount': '--fault "{value}": the count must be a whole number from 1 to 999999999.',
	'sandbox.error.positional': '"ecs-sg sandbox" takes no further words; "{value}" is not understood.',
	'sandbox.error.state': 'The state file {file} cannot be used (it was left unchanged):',
	'sandbox.error.stateProblem': '  - {problem}',
	'sandbox.error.stateHint': 'Fix the file, or move it away to start again from the seeded state.',
	'sandbox.error.portInUse':
		'Port {port} on 127.0.0.1 is already in use. Pick another with --port, or use --port 0 for a free one.',
	'sandbox.error.portDenied': 'Not allowed to listen on port {port}. Use a port above 1023, or --port 0.',
	'sandbox.error.listen': 'The sandbox could not start: {message}',
	'sandbox.listening': 'Sandbox listening on {endpoint} ({state}). Press Ctrl+C to stop.',
	'sandbox.state.memory': 'state in memory only',
	'sandbox.state.file': 'state in {file}',
	'sandbox.warn.persist': 'Warning: the sandbox state could not be written to {file}: {message}',
	'sandbox.stopped': 'Sandbox stopped.',
} as const;

export const zh: Record<keyof typeof en, string> = {
	'sandbox.error.port': '--port 必须是 0 到 65535 之间的整数，而不是“{value}”。',
	'sandbox.error.latency': '--latency 必须是不小于 0 的整数毫秒数，而不是“{value}”。',
	'sandbox.error.stsTtl': '--sts-ttl 必须是不小于 1 的整数秒数，而不是“{value}”。',
	'sandbox.error.metadataPort': '--metadata-port 必须是 0 到 65535 之间的整数，而不是“{value}”。',
	'sandbox.error.faultFormat':
		'--fault “{value}”不是有效的故障设置：请写成 ACTION:KIND[:COUNT]，例如 CreateSecurityGroup:throttle:2。',
	'sandbox.error.faultAction':
		'--fault “{value}”：沙箱不提供接口“{action}”；请使用 {actions} 之一，或用 * 表示全部接口。',
	'sandbox.error.faultKind':
		'--fault “{value}”：“{kind}”不是故障类型；请使用 throttle、unavailable、internal、reset、hang 或 lose。',
	'sandbox.error.faultCount': '--fault “{value}”：次数必须是 1 到 999999999 之间的整数。',
	'sandbox.error.positional': '“ecs-sg sandbox”后面不接其他词；无法理解“{value}”。',
	'sandbox.error.state': '状态文件 {file} 无法使用（文件未被改动）：',
	'sandbox.error.stateProblem': '  - {problem}',
	'sandbox.error.stateHint': '请修正该文件，或将其移走，以便从初始状态重新开始。',
	'sandbox.error.portInUse':
		'127.0.0.1 上的端口 {port} 已被占用。请用 --port 换一个端口，或用 --port 0 自动选择空闲端口。',
	'sandbox.error.portDenied': '无权监听端口 {port}。请使用大于 1023 的端口，或使用 --port 0。',
	'sandbox.error.listen': '沙箱无法启动：{message}',
	'sandbox.listening': '沙箱正在监听 {endpoint}（{state}）。按 Ctrl+C 停止。',
	'sandbox.state.memory': '状态仅保存在内存中',
	'sandbox.state.file': '状态保存在 {file}',
	'sandbox.warn.persist': '警告：沙箱状态无法写入 {file}：{message}',
	'sandbox.stopped': '沙箱已停止。',
};
