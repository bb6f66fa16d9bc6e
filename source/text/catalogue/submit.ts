// Messages of the submit room: the engine, the flags-only create, resume, dry-run and the exports.
export const en = {
	'submit.dir.ingress': 'inbound',
	'submit.dir.egress': 'outbound',
	'submit.table.direction': 'Direction',
	'submit.table.protocol': 'Protocol',
	'submit.table.ports': 'Ports',
	'submit.table.policy': 'Policy',
	'submit.table.priority': 'Priority',
	'submit.table.description': 'Description',
	'submit.table.none': '(no rules: inbound traffic from outside the group is denied)',
	'submit.policy.accept': 'accept',
	'submit.policy.drop': 'drop',
	'submit.rule.line': '{protocol} {ports} from {cidr} ({policy}, priority {priority})',

	'submit.plan.create': '{n}. CreateSecurityGroup  {params}',
	'submit.plan.authorize': '{n}. {action} ({rules})  {params}',
	'submit.plan.fromStep1': '<the id from step 1>',
	'submit.plan.seeRules': '<the rules below>',

	'submit.dry.heading': 'Plan: {count} API calls, in this order (nothing has been sent):',
	'submit.dry.rules': 'Rules ({count}):',
	'submit.dry.warnings': 'Warnings:',
	'submit.dry.duplicate':
		'A security group named "{name}" already exists in {where} ({ids}); creating needs --allow-duplicate-name.',
	'submit.dry.aliyun': 'The same with the aliyun CLI:',
	'submit.dry.ecsSg': 'The same with ecs-sg:',
	'submit.dry.inexact':
		'(--rule cannot give a rule description, a drop policy or a priority other than 1; that command uses the defaults for those.)',
	'submit.dry.nothing': 'Dry run: nothing was created or changed.',

	'submit.where.vpc': 'VPC {vpc}',
	'submit.where.classic': 'the classic network of {region}',

	'submit.result.created': 'Created security group {id} ("{name}") in {region}, {where}.',
	'submit.result.rules': 'Rules applied ({count}):',
	'submit.result.next': 'Next steps:',
	'submit.result.addRules':
		'add rules:      ecs-sg rules add{target} --region {region} --group {id} --rule tcp:8080:10.0.0.0/8',
	'submit.result.addInstances':
		'add instances:  ecs-sg instances add{target} --region {region} --group {id} --instance i-…',

	'submit.progress.created': '› CreateSecurityGroup … {id}',
	'submit.progress.authorized': '› AuthorizeSecurityGroup ({rules}) … done',
	'submit.progress.retry': '  {action}: {code}; trying again within {seconds} s (attempt {attempt})',
	'submit.progress.failed': '› {action} … failed',

	'submit.fail.error': 'Error: {sentence}',
	'submit.fail.nothing': 'Nothing was created.',
	'submit.fail.exists':
		'Security group {id} was created in {region}, but {missing} of {total} rules are not applied yet.',
	'submit.fail.unknown':
		'CreateSecurityGroup got no answer, so the group may or may not exist. The same ClientToken is kept, so finishing never makes a second group.',
	'submit.fail.resume': 'Run "ecs-sg resume" to finish it, or "ecs-sg resume --delete --yes" to delete it.',

	'submit.error.unexpected': '{action} failed unexpectedly: {message}.',
	'submit.error.unexpectedNext': 'Try again; if it keeps failing, report it with the command you ran.',
	'submit.cancelled': 'Cancelled before the next call.',
	'submit.cancelledNext': 'Run "ecs-sg resume" to finish it, or "ecs-sg resume --delete --yes" to delete it.',
	'submit.cancel.stopping': 'Stopping after the call in flight (press Ctrl+C again to quit at once)…',
	'submit.cancel.nothing': 'Cancelled. Nothing was created.',
	'submit.journal.notOurs': 'The journal entry {id} was not written by this version of ecs-sg.',
	'submit.journal.wrongField': '{path} should be {expected} (found {found})',
	'submit.journal.expect.object': 'an object',
	'submit.journal.expect.text': 'text',
	'submit.journal.expect.list': 'a list',
	'submit.journal.expect.oneOf': 'one of: {values}',
	'submit.journal.expect.count': 'a whole number from 0 to {max}',
	'submit.journal.expect.number': 'a number',
	'submit.journal.expect.boolean': 'true or false',
	'submit.journal.found.missing': 'nothing',
	'submit.journal.found.list': 'a list',
	'submit.journal.found.text': 'text',
	'submit.journal.found.number': 'a number',
	'submit.journal.found.boolean': 'true or false',
	'submit.journal.found.object': 'an object',
	'submit.journal.noId': '(without an id)',
	'submit.journal.unreadable': 'The unfinished create {id} in the settings file cannot be read: {problem}.',
	'submit.journal.unreadableGroup': 'It names security group {id} in {region}, which may still exist.',
	'submit.journal.unreadableFix':
		'Run "ecs-sg resume --delete" to forget it (nothing in the cloud is changed), or correct it in {file}.',

	'submit.flags.problems': 'Some flags are missing or invalid, so nothing was created:',
	'submit.flags.missing': 'missing: {flags}',
	'submit.flags.problem': '{flag}: {message}',
	'submit.flags.vpcOrClassic': '--vpc VPC_ID (or --classic)',
	'submit.flags.needYes':
		'--yes is needed to create without confirmation (or --dry-run to only see the plan and change nothing).',
	'submit.flags.export': '--export takes aliyun or terraform, not "{value}".',
	'submit.flags.tooManyRules': 'A security group holds at most {max} rules; these flags give {count}.',
	'submit.flags.noVpc': 'VPC {vpc} does not exist in {region}; its VPCs are: {list}.',
	'submit.flags.noVpcs':
		'VPC {vpc} does not exist in {region}, which has no VPC yet; create one in the VPC console first.',
	'submit.flags.region': '"{region}": {sentence}',
	'submit.flags.hint': 'Run "ecs-sg --help" to see every flag.',
	'submit.warning': 'Warning: {message}',

	'submit.duplicate.refused':
		'A security group named "{name}" already exists in {where} ({ids}). Nothing was created. Choose another --name, or add --allow-duplicate-name to create a second one.',
	'submit.duplicate.allowed':
		'A security group named "{name}" already exists in {where} ({ids}); creating another one (--allow-duplicate-name).',

	'submit.export.aliyun.header': 'Recreates the security group "{name}" in {region} with the aliyun CLI.',
	'submit.export.aliyun.needs':
		'Needs the aliyun CLI (configured) and jq. No ClientToken is sent: run it once; add --ClientToken to make retries safe.',
	'submit.export.terraform.header': 'Recreates the security group "{name}" in {region} (written by ecs-sg).',

	'submit.resume.none': 'No unfinished creates: nothing to resume.',
	'submit.resume.heading': 'Unfinished create of "{name}", started {when}:',
	'submit.resume.where': 'in {region}, {where}',
	'submit.resume.exists': 'security group {id} exists; {applied} of {total} rules are applied.',
	'submit.resume.gone': 'security group {id} was created but no longer exists.',
	'submit.resume.unknown':
		'CreateSecurityGroup was sent but its answer never arrived: the group may or may not exist.',
	'submit.resume.missingRule': 'missing: {rule}',
	'submit.resume.needFlags':
		'Not in a terminal, so nothing was changed: add --yes to finish it, or --delete --yes to delete it.',
	'submit.resume.ask': 'What should happen to it?',
	'submit.resume.finish': 'Finish it (create what is missing)',
	'submit.resume.delete': 'Delete it',
	'submit.resume.leave': 'Leave it for now',
	'submit.resume.confirmDelete': 'Delete everything this create made?',
	'submit.resume.deleted': 'Deleted security group {id}.',
	'submit.resume.deletedNothing': 'Nothing of it existed; the unfinished create was forgotten.',
	'submit.resume.goneCleared': 'The group no longer exists; the unfinished create was forgotten.',
	'submit.resume.left': 'Left as it is; run "ecs-sg resume" again when you are ready.',
	'submit.resume.deleteFailed': 'Could not delete it: {sentence}',
	'submit.resume.cancelled': 'Cancelled; the unfinished create is kept for "ecs-sg resume".',
	'submit.resume.forgetAsk': 'Forget the unreadable entry {id}? Nothing in the cloud is changed.',
	'submit.resume.forgotten': 'Forgot the unreadable entry {id}; nothing in the cloud was changed.',
	'submit.resume.forgottenGroup':
		'Security group {id} in {region} may still exist; if it is not wanted, delete it: aliyun ecs DeleteSecurityGroup --RegionId {region} --SecurityGroupId {id}',
	'submit.resume.unreadableKept': 'Kept the unreadable entry {id}.',
	'submit.resume.forgetFailed':
		'The entry {id} is not filed under its id, so it can only be removed by hand in {file}.',
} as const;

export const zh: Record<keyof typeof en, string> = {
	'submit.dir.ingress': '入方向',
	'submit.dir.egress': '出方向',
	'submit.table.direction': '方向',
	'submit.table.protocol': '协议',
	'submit.table.ports': '端口',
	'submit.table.policy': '策略',
	'submit.table.priority': '优先级',
	'submit.table.description': '描述',
	'submit.table.none': '（无规则：拒绝来自安全组外部的入方向流量）',
	'submit.policy.accept': '允许',
	'submit.policy.drop': '拒绝',
	'submit.rule.line': '{protocol} {ports}，来自 {cidr}（{policy}，优先级 {priority}）',

	'submit.plan.create': '{n}. CreateSecurityGroup  {params}',
	'submit.plan.authorize': '{n}. {action}（{rules}）  {params}',
	'submit.plan.fromStep1': '<第 1 步返回的 ID>',
	'submit.plan.seeRules': '<下方的规则>',

	'submit.dry.heading': '计划：按以下顺序调用 {count} 次 API（尚未发送任何请求）：',
	'submit.dry.rules': '规则（{count} 条）：',
	'submit.dry.warnings': '警告：',
	'submit.dry.duplicate': '{where} 中已有名为“{name}”的安全组（{ids}）；要创建需加 --allow-duplicate-name。',
	'submit.dry.aliyun': '使用 aliyun CLI 的等效命令：',
	'submit.dry.ecsSg': '使用 ecs-sg 的等效命令：',
	'submit.dry.inexact':
		'（--rule 无法指定规则描述、drop 策略或 1 以外的优先级；该命令对这些字段使用默认值。）',
	'submit.dry.nothing': '试运行：没有创建或更改任何资源。',

	'submit.where.vpc': 'VPC {vpc}',
	'submit.where.classic': '{region} 的经典网络',

	'submit.result.created': '已在 {region}（{where}）创建安全组 {id}（“{name}”）。',
	'submit.result.rules': '已添加的规则（{count} 条）：',
	'submit.result.next': '后续操作：',
	'submit.result.addRules':
		'添加规则：      ecs-sg rules add{target} --region {region} --group {id} --rule tcp:8080:10.0.0.0/8',
	'submit.result.addInstances':
		'加入实例：      ecs-sg instances add{target} --region {region} --group {id} --instance i-…',

	'submit.progress.created': '› CreateSecurityGroup … {id}',
	'submit.progress.authorized': '› AuthorizeSecurityGroup（{rules}）… 完成',
	'submit.progress.retry': '  {action}：{code}；将在 {seconds} 秒内重试（第 {attempt} 次）',
	'submit.progress.failed': '› {action} … 失败',

	'submit.fail.error': '错误：{sentence}',
	'submit.fail.nothing': '没有创建任何资源。',
	'submit.fail.exists': '已在 {region} 创建安全组 {id}，但 {total} 条规则中还有 {missing} 条尚未添加。',
	'submit.fail.unknown':
		'CreateSecurityGroup 没有收到响应，安全组可能已创建也可能没有。ClientToken 已保留，因此继续完成时绝不会创建第二个安全组。',
	'submit.fail.resume': '运行“ecs-sg resume”继续完成，或运行“ecs-sg resume --delete --yes”将其删除。',

	'submit.error.unexpected': '{action} 意外失败：{message}。',
	'submit.error.unexpectedNext': '请重试；如果一直失败，请连同你运行的命令一起报告此问题。',
	'submit.cancelled': '已在下一次调用前取消。',
	'submit.cancelledNext': '运行“ecs-sg resume”继续完成，或运行“ecs-sg resume --delete --yes”将其删除。',
	'submit.cancel.stopping': '正在等待当前调用结束后停止（再按一次 Ctrl+C 立即退出）…',
	'submit.cancel.nothing': '已取消。没有创建任何资源。',
	'submit.journal.notOurs': '日志条目 {id} 不是由此版本的 ecs-sg 写入的。',
	'submit.journal.wrongField': '{path} 应为{expected}，实际为{found}',
	'submit.journal.expect.object': '对象',
	'submit.journal.expect.text': '文本',
	'submit.journal.expect.list': '列表',
	'submit.journal.expect.oneOf': '以下之一：{values}',
	'submit.journal.expect.count': '0 到 {max} 之间的整数',
	'submit.journal.expect.number': '数字',
	'submit.journal.expect.boolean': 'true 或 false',
	'submit.journal.found.missing': '空缺',
	'submit.journal.found.list': '列表',
	'submit.journal.found.text': '文本',
	'submit.journal.found.number': '数字',
	'submit.journal.found.boolean': 'true 或 false',
	'submit.journal.found.object': '对象',
	'submit.journal.noId': '（无 ID）',
	'submit.journal.unreadable': '设置文件中未完成的创建 {id} 无法读取：{problem}。',
	'submit.journal.unreadableGroup': '其中记录的安全组 {id}（{region}）可能仍然存在。',
	'submit.journal.unreadableFix':
		'运行“ecs-sg resume --delete”可清除该记录（不会改动云上的任何资源），或在 {file} 中修正它。',

	'submit.flags.problems': '有参数缺失或无效，因此没有创建任何资源：',
	'submit.flags.missing': '缺少：{flags}',
	'submit.flags.problem': '{flag}：{message}',
	'submit.flags.vpcOrClassic': '--vpc VPC_ID（或 --classic）',
	'submit.flags.needYes': '需要加 --yes 才能不经确认直接创建（或用 --dry-run 只查看计划，不做任何更改）。',
	'submit.flags.export': '--export 只接受 aliyun 或 terraform，而不是“{value}”。',
	'submit.flags.tooManyRules': '一个安全组最多 {max} 条规则；这些参数给出了 {count} 条。',
	'submit.flags.noVpc': '{region} 中不存在 VPC {vpc}；该地域的 VPC 有：{list}。',
	'submit.flags.noVpcs': '{region} 中不存在 VPC {vpc}，该地域还没有任何 VPC；请先在专有网络控制台创建一个。',
	'submit.flags.region': '“{region}”：{sentence}',
	'submit.flags.hint': '运行“ecs-sg --help”查看所有参数。',
	'submit.warning': '警告：{message}',

	'submit.duplicate.refused':
		'{where} 中已有名为“{name}”的安全组（{ids}）。没有创建任何资源。请换一个 --name，或加上 --allow-duplicate-name 再创建一个同名安全组。',
	'submit.duplicate.allowed':
		'{where} 中已有名为“{name}”的安全组（{ids}）；仍将再创建一个（--allow-duplicate-name）。',

	'submit.export.aliyun.header': '使用 aliyun CLI 在 {region} 重建安全组“{name}”。',
	'submit.export.aliyun.needs':
		'需要已配置的 aliyun CLI 和 jq。未发送 ClientToken：请只运行一次；如需安全重试，请加上 --ClientToken。',
	'submit.export.terraform.header': '在 {region} 重建安全组“{name}”（由 ecs-sg 生成）。',

	'submit.resume.none': '没有未完成的创建：无需继续。',
	'submit.resume.heading': '未完成的创建：“{name}”，开始于 {when}：',
	'submit.resume.where': '位于 {region}（{where}）',
	'submit.resume.exists': '安全组 {id} 已存在；{total} 条规则中已添加 {applied} 条。',
	'submit.resume.gone': '安全组 {id} 曾被创建，但现在已不存在。',
	'submit.resume.unknown': '已发送 CreateSecurityGroup，但一直没有收到响应：安全组可能已创建也可能没有。',
	'submit.resume.missingRule': '缺少：{rule}',
	'submit.resume.needFlags':
		'不在终端中运行，因此没有做任何更改：加 --yes 继续完成，或加 --delete --yes 将其删除。',
	'submit.resume.ask': '要如何处理？',
	'submit.resume.finish': '继续完成（创建缺少的部分）',
	'submit.resume.delete': '删除',
	'submit.resume.leave': '暂不处理',
	'submit.resume.confirmDelete': '删除这次创建产生的所有资源？',
	'submit.resume.deleted': '已删除安全组 {id}。',
	'submit.resume.deletedNothing': '这次创建没有留下任何资源；已清除该记录。',
	'submit.resume.goneCleared': '该安全组已不存在；已清除该未完成的创建记录。',
	'submit.resume.left': '保持原样；准备好后再次运行“ecs-sg resume”。',
	'submit.resume.deleteFailed': '无法删除：{sentence}',
	'submit.resume.cancelled': '已取消；未完成的创建仍保留，可稍后运行“ecs-sg resume”。',
	'submit.resume.forgetAsk': '清除无法读取的记录 {id}？不会改动云上的任何资源。',
	'submit.resume.forgotten': '已清除无法读取的记录 {id}；云上的资源没有任何改动。',
	'submit.resume.forgottenGroup':
		'安全组 {id}（{region}）可能仍然存在；如不再需要，请将其删除：aliyun ecs DeleteSecurityGroup --RegionId {region} --SecurityGroupId {id}',
	'submit.resume.unreadableKept': '已保留无法读取的记录 {id}。',
	'submit.resume.forgetFailed': '记录 {id} 没有以其 ID 存放，只能在 {file} 中手动删除。',
} as const;
