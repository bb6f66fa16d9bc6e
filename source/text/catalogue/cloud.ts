// Messages of the cloud room: what a failed API call means and what to do next. Server text arrives as
// {message}, already redacted; t() cleans every parameter.
export const en = {
	'cloud.error.badKey': 'Alibaba Cloud does not know this AccessKey ID ({code}).',
	'cloud.next.badKey':
		'Check the AccessKey ID in the RAM console (AccessKey management) and run "ecs-sg configure" to store the right one.',
	'cloud.error.keyDisabled': 'This AccessKey is disabled ({code}).',
	'cloud.next.keyDisabled':
		'Enable it in the RAM console, or create a new AccessKey and run "ecs-sg configure".',
	'cloud.error.badSecret': 'The AccessKey secret does not match the AccessKey ID ({code}).',
	'cloud.next.badSecret':
		'Enter the secret again with "ecs-sg configure" (copy it whole, without spaces); a lost secret cannot be shown again, so create a new AccessKey if needed.',
	'cloud.error.badToken':
		'The STS security token was refused ({code}): it has expired or belongs to another AccessKey.',
	'cloud.next.badToken':
		'Get a fresh STS token together with its AccessKey pair, or leave the token empty when using a permanent AccessKey.',
	'cloud.error.clock':
		"The request's timestamp was refused ({code}): this computer's clock is probably off by more than 15 minutes.",
	'cloud.next.clock': 'Set the clock right (turn on automatic time / NTP) and try again.',
	'cloud.error.forbidden': 'This account or RAM user may not call {action} ({code}): {message}',
	'cloud.next.forbidden':
		'Ask an administrator to grant {action} to this RAM user (for example the AliyunECSFullAccess and AliyunVPCReadOnlyAccess policies).',
	'cloud.error.quota': 'A quota is used up ({code}): {message}',
	'cloud.next.quota':
		'Delete security groups or rules you no longer need, or raise the quota in Quota Center.',
	'cloud.error.vpcNotFound': 'The VPC does not exist in this region ({code}).',
	'cloud.next.vpcNotFound': 'Pick a VPC from the list for this region; a VPC belongs to exactly one region.',
	'cloud.error.regionNotFound': 'ECS does not know this region ({code}).',
	'cloud.next.regionNotFound': 'Pick a region from the live list (the Region step, or "ecs-sg configure").',
	'cloud.error.groupNotFound': 'The security group does not exist in this region ({code}).',
	'cloud.next.groupNotFound': 'Check the sg- id and the region it was created in.',
	'cloud.error.throttled': 'Alibaba Cloud is limiting the request rate for {action} ({code}).',
	'cloud.next.throttled': 'Wait a minute and try again; other tools using the same account share the limit.',
	'cloud.error.unavailable':
		'Alibaba Cloud had a temporary problem answering {action} ({code}, HTTP {status}).',
	'cloud.next.unavailable':
		'Try again in a few minutes; if it persists, check the Alibaba Cloud status page.',
	'cloud.error.tokenMismatch':
		'The same ClientToken was already used with different parameters ({code}), so {action} was refused.',
	'cloud.next.tokenMismatch': 'Start the operation again; ecs-sg makes a new token for a new request.',
	'cloud.error.conflict': '{action} conflicts with the current state of the resource ({code}): {message}',
	'cloud.next.conflict': 'Wait for the resource to settle (or detach what still uses it) and try again.',
	'cloud.error.apiNotFound': 'The server does not offer {action} ({code}).',
	'cloud.next.apiNotFound':
		'Check --endpoint: it must be an Alibaba Cloud ECS/VPC API endpoint (or the sandbox).',
	'cloud.error.invalid': 'Alibaba Cloud refused {action} ({code}): {message}',
	'cloud.next.invalid': 'Correct the value the message names and try again.',
	'cloud.error.unknown': '{action} failed ({code}): {message}',
	'cloud.next.unknown': 'Try again; if it keeps failing, report the code and the request id ({requestId}).',
	'cloud.error.emptyBody': 'The server at {host} answered {action} with an empty body.',
	'cloud.error.htmlBody':
		'The server at {host} answered {action} with a web page instead of JSON (a proxy, a captive portal or the wrong address).',
	'cloud.error.badJson': 'The server at {host} answered {action} with incomplete or invalid JSON.',
	'cloud.error.noCode': 'The server at {host} answered {action} with HTTP {status} but no error code.',
	'cloud.error.serverFault':
		'The server at {host} answered {action} with HTTP {status} and no API answer (a fault of the service or of a gateway on the way).',
	'cloud.error.tooLarge':
		'The server at {host} answered {action} with more than {megabytes} MB, far more than any API answer, so it was cut off.',
	'cloud.next.badResponse':
		'Check --endpoint (an Alibaba Cloud API endpoint or the sandbox) and any proxy, then try again.',
	'cloud.error.timeout': '{action} got no answer from {host} within {seconds} s.',
	'cloud.next.timeout': 'Check the network connection (and any proxy or firewall), then try again.',
	'cloud.error.network': 'Cannot reach {host} for {action} ({code}).',
	'cloud.error.tls': 'The secure connection to {host} failed for {action} ({code}).',
	'cloud.next.network':
		'Check the network connection, proxy and firewall, and --endpoint if you gave one; then try again.',
	'cloud.error.tries': '(Gave up after {tries} tries.)',
} as const;

export const zh: Record<keyof typeof en, string> = {
	'cloud.error.badKey': '阿里云不认识这个 AccessKey ID（{code}）。',
	'cloud.next.badKey':
		'请在 RAM 控制台（AccessKey 管理）核对 AccessKey ID，然后运行“ecs-sg configure”保存正确的值。',
	'cloud.error.keyDisabled': '这个 AccessKey 已被禁用（{code}）。',
	'cloud.next.keyDisabled': '请在 RAM 控制台启用它，或创建新的 AccessKey 后运行“ecs-sg configure”。',
	'cloud.error.badSecret': 'AccessKey Secret 与 AccessKey ID 不匹配（{code}）。',
	'cloud.next.badSecret':
		'请用“ecs-sg configure”重新输入 Secret（完整复制，不要带空格）；Secret 丢失后无法再次查看，必要时请新建 AccessKey。',
	'cloud.error.badToken': 'STS 安全令牌被拒绝（{code}）：它已过期，或属于另一个 AccessKey。',
	'cloud.next.badToken': '请连同对应的 AccessKey 一起获取新的 STS 令牌；使用永久 AccessKey 时请将令牌留空。',
	'cloud.error.clock': '请求的时间戳被拒绝（{code}）：这台电脑的时钟可能偏差超过 15 分钟。',
	'cloud.next.clock': '请校准时钟（开启自动对时 / NTP）后重试。',
	'cloud.error.forbidden': '当前账号或 RAM 用户无权调用 {action}（{code}）：{message}',
	'cloud.next.forbidden':
		'请管理员为该 RAM 用户授予 {action} 权限（例如 AliyunECSFullAccess 和 AliyunVPCReadOnlyAccess 策略）。',
	'cloud.error.quota': '配额已用完（{code}）：{message}',
	'cloud.next.quota': '请删除不再需要的安全组或规则，或在配额中心提升配额。',
	'cloud.error.vpcNotFound': '该地域中不存在这个专有网络 VPC（{code}）。',
	'cloud.next.vpcNotFound': '请从该地域的列表中选择 VPC；每个 VPC 只属于一个地域。',
	'cloud.error.regionNotFound': 'ECS 不支持这个地域（{code}）。',
	'cloud.next.regionNotFound': '请从实时列表中选择地域（向导的“地域”步骤，或“ecs-sg configure”）。',
	'cloud.error.groupNotFound': '该地域中不存在这个安全组（{code}）。',
	'cloud.next.groupNotFound': '请核对 sg- 开头的 ID 以及它所在的地域。',
	'cloud.error.throttled': '阿里云正在限制 {action} 的调用频率（{code}）。',
	'cloud.next.throttled': '请稍等一分钟再试；使用同一账号的其他工具会共享这个限额。',
	'cloud.error.unavailable': '阿里云处理 {action} 时出现临时故障（{code}，HTTP {status}）。',
	'cloud.next.unavailable': '请几分钟后重试；如果持续出现，请查看阿里云服务状态页。',
	'cloud.error.tokenMismatch': '同一个 ClientToken 已被用于不同的参数（{code}），因此 {action} 被拒绝。',
	'cloud.next.tokenMismatch': '请重新开始这个操作；ecs-sg 会为新的请求生成新的令牌。',
	'cloud.error.conflict': '{action} 与资源的当前状态冲突（{code}）：{message}',
	'cloud.next.conflict': '请等资源状态稳定（或解除仍在使用它的资源）后重试。',
	'cloud.error.apiNotFound': '服务器不提供 {action}（{code}）。',
	'cloud.next.apiNotFound': '请检查 --endpoint：它必须是阿里云 ECS/VPC API 的地址（或沙箱）。',
	'cloud.error.invalid': '阿里云拒绝了 {action}（{code}）：{message}',
	'cloud.next.invalid': '请修正消息中指出的值后重试。',
	'cloud.error.unknown': '{action} 失败（{code}）：{message}',
	'cloud.next.unknown': '请重试；如果一直失败，请报告错误码和请求 ID（{requestId}）。',
	'cloud.error.emptyBody': '{host} 上的服务器对 {action} 返回了空响应。',
	'cloud.error.htmlBody':
		'{host} 上的服务器对 {action} 返回了网页而不是 JSON（可能是代理、认证门户或地址错误）。',
	'cloud.error.badJson': '{host} 上的服务器对 {action} 返回了不完整或无效的 JSON。',
	'cloud.error.noCode': '{host} 上的服务器对 {action} 返回了 HTTP {status}，但没有错误码。',
	'cloud.error.serverFault':
		'{host} 上的服务器对 {action} 返回了 HTTP {status}，但没有 API 响应（服务或中间网关出现故障）。',
	'cloud.error.tooLarge':
		'{host} 上的服务器对 {action} 返回了超过 {megabytes} MB 的数据，远超任何 API 响应，已停止读取。',
	'cloud.next.badResponse': '请检查 --endpoint（必须是阿里云 API 地址或沙箱）以及代理设置，然后重试。',
	'cloud.error.timeout': '{action} 在 {seconds} 秒内没有收到 {host} 的响应。',
	'cloud.next.timeout': '请检查网络连接（以及代理或防火墙）后重试。',
	'cloud.error.network': '无法连接 {host} 来调用 {action}（{code}）。',
	'cloud.error.tls': '调用 {action} 时与 {host} 的安全连接失败（{code}）。',
	'cloud.next.network': '请检查网络连接、代理和防火墙，以及你指定的 --endpoint，然后重试。',
	'cloud.error.tries': '（已尝试 {tries} 次，放弃。）',
} as const;
