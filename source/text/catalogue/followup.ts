// The follow-up operations: `ecs-sg rules` and `ecs-sg instances` (their screens and their flags paths), and the
// rules and membership checks behind them (domain/rule-change.ts, domain/membership.ts).
export const en = {
	'followup.region.purpose': 'The region of the security group to change.',
	'followup.group.title': 'Security group',
	'followup.group.purposeRules': 'The group whose rules to change: type to filter by name, ID or VPC.',
	'followup.group.purposeInstances': 'The group to add instances to or remove them from: type to filter.',
	'followup.group.loading': 'Loading the security groups of {region}…',
	'followup.group.none': '{region} has no security group yet.',
	'followup.group.howToCreate': 'Create one with ecs-sg create, or press Esc to pick another region.',
	'followup.group.notInRegion': '{id} is not a security group of {region}: pick one from the list.',
	'followup.group.classic': 'classic network',
	'followup.group.normal': 'normal',
	'followup.group.enterprise': 'enterprise',

	'followup.rules.title': 'Rules',
	'followup.rules.purpose':
		'Queue additions (p, a), edits (e) and removals (d); nothing changes until you apply.',
	'followup.rules.loading': 'Reading the rules of {id}…',
	'followup.rules.inboundTab': 'Inbound',
	'followup.rules.outboundTab': 'Outbound',
	'followup.rules.in': 'inbound',
	'followup.rules.out': 'outbound',
	'followup.rules.destination': 'Destination',
	'followup.rules.priority': 'Priority',
	'followup.rules.noInbound': 'No inbound rules: nothing may come in (press p or a to add one).',
	'followup.rules.noOutbound': 'No outbound rules: for a normal group everything may go out.',
	'followup.rules.count': '{count} of at most {max} rules in this group.',
	'followup.rules.pending':
		'Queued: {adding} to add, {removing} to remove, {editing} to edit; {before} → {after} rules of at most {max}.',
	'followup.rules.nothing':
		'Nothing is queued: add a rule (p or a), edit one (e) or mark one to remove (d) first.',
	'followup.rules.enterpriseGroupPeer':
		'An advanced (enterprise) group cannot reference another security group ({id}): use its CIDR block or a prefix list instead.',
	'followup.edit.nothingHere': 'No rule under the cursor to edit: add one with p or a.',
	'followup.edit.removing': '{rule} is marked for removal: press d to keep it, then e to edit it.',
	'followup.edit.duplicate': 'The group already has {rule} (or another edit makes it): change a field.',
	'followup.edit.routeModify': 'changed in place (ModifySecurityGroupRule, same rule id)',
	'followup.edit.routeNoId':
		"replaced (the new rule is added, then the old one removed only if that worked): the group's answer gave no rule id, which an in-place change needs",
	'followup.edit.routeDirection':
		'replaced (the new rule is added, then the old one removed only if that worked): the direction cannot be changed in place',
	'followup.edit.routePeerKind':
		'replaced (the new rule is added, then the old one removed only if that worked): the API cannot change the kind of peer (IPv4, IPv6, group, prefix list) in place',
	'followup.edit.routeDescription': 'removed and added again: the API cannot clear a description in place',
	'followup.keys.edit': 'edit',
	'followup.review.edits': '{count} to edit:',
	'followup.done.modified': '{count} changed in place.',
	'followup.done.kept':
		'Kept {count} {count:rule|rules}: {count:its replacement was|their replacements were} refused.',
	'followup.rules.queuedTwice': '{rule} is already queued.',
	'followup.rules.notRemovable':
		"{rule} cannot be removed here: the group's answer named neither its peer nor its rule id. Remove it in the console.",
	'followup.rules.limit':
		'A group holds at most {max} rules (inbound and outbound together): it has {before}, and {adding} added less {removing} removed makes {after}. Remove some first.',
	'followup.rules.noMatch': 'No rule of the group matches {rules}: nothing queued for it.',

	'followup.preset.title': 'Add a preset rule ({direction})',
	'followup.preset.purpose':
		'The common services: pick one, then say from where (or to where) it is allowed.',

	'followup.review.title': 'Review',
	'followup.review.purpose': 'These calls change the group as soon as you apply.',
	'followup.review.purposeInstances': 'Each instance is one call; refusals are shown per instance.',
	'followup.review.counts':
		'{adding} to add, {removing} to remove: {before} → {after} rules of at most {max}.',
	'followup.review.legend': '+ added   - removed   = already in the group (nothing is sent for it)',
	'followup.review.present':
		'{count} {count:rule is|rules are} already in the group: adding {count:it|them} again would change nothing.',
	'followup.review.nothingToSend': 'Nothing to send: press Esc to queue other changes.',
	'followup.review.joining': 'Add to the group ({count}):',
	'followup.review.leaving': 'Remove from the group ({count}):',

	'followup.applying.title': 'Applying',
	'followup.applying.stopping': 'Stopping after the call in flight… (Ctrl+C again leaves at once)',
	'followup.call.alreadyIn': 'already in the group',
	'followup.call.alreadyOut': 'already out of the group',
	'followup.call.skipped': 'not sent',

	'followup.done.failedTitle': 'Finished with errors',
	'followup.done.added': 'Added {count} {count:rule|rules}.',
	'followup.done.removed': 'Removed {count} {count:rule|rules}.',
	'followup.done.notApplied':
		'{count} {count:rule was|rules were} not applied: see the {count:reason|reasons} above.',
	'followup.done.now': 'Rules of the group now ({count}):',
	'followup.done.noRules': 'None: inbound is denied; outbound follows the group type.',
	'followup.done.reading': 'Reading the group again…',
	'followup.done.joined': '{count} {count:instance|instances} added to the group.',
	'followup.done.left': '{count} {count:instance|instances} removed from the group.',
	'followup.done.already':
		'{count} {count:instance was|instances were} already as asked: nothing changed for {count:it|them}.',
	'followup.done.notChanged':
		'{count} {count:instance was|instances were} not changed: see the {count:reason|reasons} above.',
	'followup.done.membersNow': 'Instances in the group now ({count}):',
	'followup.done.noMembers': 'None.',

	'followup.cancelled': 'Cancelled. Nothing more was sent.',
	'followup.cancelledAfterCalls': 'Cancelled: the calls marked done above were made; the rest were not sent.',
	'followup.left': 'Nothing was changed.',
	'followup.leftApplied':
		'Changes were applied to {id}: {count} {count:call|calls} went through. Nothing more was sent.',

	'followup.instances.title': 'Instances',
	'followup.instances.purpose': 'Space selects an instance to add or remove; Ctrl+A selects all shown.',
	'followup.instances.loading': 'Reading {id} and the instances of its network…',
	'followup.instances.noneVpc':
		'{vpc} has no instances yet: create one in the ECS console, then run this again.',
	'followup.instances.noneClassic': '{region} has no classic-network instances for this classic group.',
	'followup.instances.sandboxSeed':
		'In the sandbox, the instances are in default-vpc of cn-hangzhou, cn-shanghai and ap-southeast-1: create a group there to try this screen.',
	'followup.instances.member': 'in this group ({count} in all)',
	'followup.instances.groups': 'in {count} other {count:group|groups}',
	'followup.instances.inGroups': '{id} is in: {groups}',
	'followup.instances.pending': '{joining} selected to add, {leaving} to remove.',
	'followup.instances.nothing': 'Nothing is selected: press Space on an instance first.',
	'followup.instances.noneCanJoin': 'None of the instances shown can join this group.',

	'followup.status.Running': 'Running',
	'followup.status.Stopped': 'Stopped',
	'followup.status.Starting': 'Starting',
	'followup.status.Stopping': 'Stopping',
	'followup.status.Pending': 'Pending',

	'followup.member.alreadyIn': '{id} is already in this group.',
	'followup.member.notIn': '{id} is not in this group.',
	'followup.member.otherNetwork': '{id} is in another network: an instance joins only groups of its own VPC.',
	'followup.member.status': '{id} is {status}: its groups can change only while it is Running or Stopped.',
	'followup.member.mixed':
		'{id} is in {other}, a {otherType} group: an instance cannot be in normal and enterprise groups at once, and this group is {type}.',
	'followup.member.limit': '{id} is already in {count} groups, the most an instance may be in ({max}).',
	'followup.member.last': '{id} is in no other group: an instance must keep at least one security group.',
	'followup.member.notFound': '{id} is not an instance of {network} in this region.',

	'followup.refused.multiGroupType':
		'The API refused: an instance cannot be in normal and enterprise security groups at once.',
	'followup.refused.limit': 'The API refused: the instance is in as many security groups as it may be.',
	'followup.refused.last': 'The API refused: an instance must keep at least one security group.',
	'followup.refused.otherVpc': 'The API refused: the instance and the group are not in the same VPC.',
	'followup.refused.status': 'The API refused: the instance is not Running or Stopped right now.',
	'followup.refused.ruleLimit': 'The API refused: the group would hold more than 200 rules.',

	'followup.keys.preset': 'presets',
	'followup.keys.manual': 'add',
	'followup.keys.remove': 'remove',
	'followup.keys.direction': 'in/out',
	'followup.keys.review': 'review',
	'followup.keys.apply': 'apply',
	'followup.keys.leave': 'leave',
	'followup.keys.more': 'more changes',
	'followup.keys.quit': 'quit',
	'followup.keys.select': 'select',
	'followup.keys.selectAll': 'all',
	'followup.keys.discard': 'discard',
	'followup.keys.keep': 'keep',

	'followup.rules.discardLeave':
		'Leave without applying the queued changes ({adding} to add, {removing} to remove)? They will be discarded.',
	'followup.rules.discardBack':
		'Go back to the groups and discard the queued changes ({adding} to add, {removing} to remove)?',
	'followup.instances.discardLeave':
		'Leave without applying the selection ({joining} to add, {leaving} to remove)? It will be discarded.',
	'followup.instances.discardBack':
		'Go back to the groups and discard the selection ({joining} to add, {leaving} to remove)?',

	'followup.flags.flag': '{flag}: {message}',
	'followup.flags.rulesAction':
		'"{value}" is not an action of ecs-sg rules: use rules list, rules add or rules remove.',
	'followup.flags.instancesAction':
		'"{value}" is not an action of ecs-sg instances: use instances list, instances add or instances remove.',
	'followup.flags.extra': 'Unexpected words: {value}.',
	'followup.flags.ruleWithoutAction':
		'--rule needs an action: ecs-sg rules add --rule … or ecs-sg rules remove --rule ….',
	'followup.flags.ruleMissing':
		'rules {action} needs at least one --rule PROTO:PORTS:CIDR (e.g. tcp:22:10.0.0.0/8).',
	'followup.flags.instanceWithoutAction':
		'--instance needs an action: ecs-sg instances add --instance … or instances remove --instance ….',
	'followup.flags.instanceMissing': 'instances {action} needs at least one --instance i-….',
	'followup.flags.groupMissing':
		'--group is required without a terminal (e.g. --group sg-bp1fg655nh68xyz90000).',
	'followup.flags.yesMissing': 'Changing a group without a terminal needs --yes (nothing was changed).',
	'followup.flags.regionMissing':
		'--region is required: no region is stored with the profile and none was used before (e.g. --region cn-hangzhou).',
	'followup.flags.assumedRegion': 'No --region given: using {region} (give --region to pick another).',
	'followup.flags.notInRegion': '--group: {id} is not a security group of {region} ({code}).',
	'followup.flags.notInAssumedRegion':
		'--group: {id} is not a security group of {region}, the region assumed; give --region ({code}).',
	'followup.flags.noSuchInbound': '--rule {rule}: no inbound rule of {id} matches it (nothing was changed).',
	'followup.flags.noSuchOutbound': '--rule {rule}: no outbound rule of {id} matches it (add --egress?).',
	'followup.flags.present': '{rule} is already a rule of {id}: nothing is sent for it.',
	'followup.flags.sending': '› {count} {count:rule|rules} for {id} …',
	'followup.flags.joining': '› {instance} joining {id} …',
	'followup.flags.leaving': '› {instance} leaving {id} …',
	'followup.flags.stopping': 'Stopping after the call in flight… (Ctrl+C again quits at once)',
	'followup.flags.quitNow': 'Quit without waiting: the call in flight may still take effect.',
	'followup.flags.cancelled': 'Cancelled: the calls listed above were made; the rest were not sent.',
	'followup.flags.rule': '{direction} {protocol} {ports} {cidr} ({policy}, priority {priority})',
	'followup.flags.done': '{action} {what}: done (request {id})',
	'followup.flags.alreadyIn': '{action} {what}: already in the group, nothing changed',
	'followup.flags.alreadyOut': '{action} {what}: already out of the group, nothing changed',
	'followup.flags.failed': '{action} {what}: failed. {reason}',
	'followup.flags.skipped': '{action} {what}: not sent',
	'followup.flags.added': 'added: {rule}',
	'followup.flags.removed': 'removed: {rule}',
	'followup.flags.nothingToAdd': 'Nothing to send: every rule given is already in {id}.',
	'followup.flags.nothingToChange': 'Nothing to send: every instance given is already as asked in {id}.',
	'followup.flags.listHeading': 'Rules of {id} ({name}) in {region}: {count}',
	'followup.flags.instancesHeading':
		'Instances of the network of {id} ({name}) in {region}: {count} of {total} in the group (*)',
	'followup.flags.instanceName': 'Name',
	'followup.flags.instanceId': 'Instance',
	'followup.flags.instanceStatus': 'Status',
	'followup.flags.instanceIp': 'Private IP',
	'followup.flags.instanceGroups': 'Groups',

	'followup.groups.action': '"{value}" is not an action of ecs-sg groups: use groups list or groups delete.',
	'followup.groups.groupWithList': '--group goes with groups delete; groups list takes --region and --vpc.',
	'followup.groups.vpcWithDelete': '--vpc goes with groups list; groups delete takes --region and --group.',
	'followup.groups.jsonNeedsYes':
		'groups delete --json asks nothing: add --yes (it deletes only when nothing references the group).',
	'followup.groups.pickRegion': 'Region of the security groups',
	'followup.groups.pickGroup': 'Security group of {region} to delete',
	'followup.groups.cancelled': 'Cancelled: nothing was deleted.',
	'followup.groups.heading': 'Security groups of {region}: {count}',
	'followup.groups.headingVpc': 'Security groups of {vpc} in {region}: {count}',
	'followup.groups.id': 'ID',
	'followup.groups.name': 'Name',
	'followup.groups.type': 'Type',
	'followup.groups.vpc': 'VPC',
	'followup.groups.description': 'Description',
	'followup.groups.about': '{id} ({name}) in {region}, {vpc}: {rules} rules.',
	'followup.groups.referenced': 'Rules of other groups reference {id} ({count}):',
	'followup.groups.referencedBy': '{id} (account {owner})',
	'followup.groups.hasInstances': 'Instances in {id} ({count}):',
	'followup.groups.blocked':
		'Not deleted: DeleteSecurityGroup refuses a group that other rules reference or that has instances (DependencyViolation).',
	'followup.groups.undoRules':
		'Remove the rules that name {id} from those groups first: ecs-sg rules remove --group sg-ID --rule PROTO:PORTS:{id}',
	'followup.groups.undoInstances':
		'Take the instances out first: ecs-sg instances remove --group {id} --instance i-ID --yes',
	'followup.groups.nothingReferences': 'No other group references it and no instance is in it.',
	'followup.groups.confirm': 'Delete {id} ({name}) and its rules? This cannot be undone.',
	'followup.groups.kept': 'Kept {id}: nothing was deleted.',
	'followup.groups.deleted': 'Deleted {id} ({name}) in {region}.',
	'followup.groups.noneToDelete': '{region} has no security group to delete.',
} as const;

export const zh: Record<keyof typeof en, string> = {
	'followup.region.purpose': '要修改的安全组所在的地域。',
	'followup.group.title': '安全组',
	'followup.group.purposeRules': '选择要修改规则的安全组：输入名称、ID 或 VPC 即可筛选。',
	'followup.group.purposeInstances': '选择要加入或移出实例的安全组：输入文字即可筛选。',
	'followup.group.loading': '正在加载 {region} 的安全组…',
	'followup.group.none': '{region} 还没有安全组。',
	'followup.group.howToCreate': '请用 ecs-sg create 创建一个，或按 Esc 选择其他地域。',
	'followup.group.notInRegion': '{id} 不是 {region} 的安全组：请从列表中选择。',
	'followup.group.classic': '经典网络',
	'followup.group.normal': '普通',
	'followup.group.enterprise': '企业级',

	'followup.rules.title': '规则',
	'followup.rules.purpose': '排队添加（p、a）、修改（e）和删除（d）规则；应用之前不会有任何修改。',
	'followup.rules.loading': '正在读取 {id} 的规则…',
	'followup.rules.inboundTab': '入方向',
	'followup.rules.outboundTab': '出方向',
	'followup.rules.in': '入方向',
	'followup.rules.out': '出方向',
	'followup.rules.destination': '目的地址',
	'followup.rules.priority': '优先级',
	'followup.rules.noInbound': '没有入方向规则：任何流量都无法进入（按 p 或 a 添加）。',
	'followup.rules.noOutbound': '没有出方向规则：普通安全组的出方向全部允许。',
	'followup.rules.count': '此安全组有 {count} 条规则，最多 {max} 条。',
	'followup.rules.pending':
		'已排队：添加 {adding} 条，删除 {removing} 条，修改 {editing} 条；规则数 {before} → {after}（最多 {max}）。',
	'followup.rules.nothing':
		'还没有排队的修改：请先添加规则（p 或 a）、修改规则（e）或标记要删除的规则（d）。',
	'followup.rules.enterpriseGroupPeer':
		'高级（企业级）安全组不能引用其他安全组（{id}）：请改用其网段或前缀列表。',
	'followup.edit.nothingHere': '光标处没有可修改的规则：请用 p 或 a 添加。',
	'followup.edit.removing': '{rule} 已标记为删除：先按 d 保留它，再按 e 修改。',
	'followup.edit.duplicate': '安全组已有 {rule}（或另一项修改会产生它）：请改动某个字段。',
	'followup.edit.routeModify': '原地修改（ModifySecurityGroupRule，规则 ID 不变）',
	'followup.edit.routeNoId':
		'替换（先添加新规则，成功后才删除旧规则）：安全组的返回中没有规则 ID，原地修改需要它',
	'followup.edit.routeDirection': '替换（先添加新规则，成功后才删除旧规则）：方向不能原地修改',
	'followup.edit.routePeerKind':
		'替换（先添加新规则，成功后才删除旧规则）：API 不能原地修改授权对象的类型（IPv4、IPv6、安全组、前缀列表）',
	'followup.edit.routeDescription': '先删除再添加：API 不能原地清空描述',
	'followup.keys.edit': '修改',
	'followup.review.edits': '修改 {count} 条：',
	'followup.done.modified': '已原地修改 {count} 条。',
	'followup.done.kept': '保留了 {count} 条规则：替换规则被拒绝，因此没有撤销旧规则。',
	'followup.rules.queuedTwice': '{rule} 已在队列中。',
	'followup.rules.notRemovable':
		'无法在此删除 {rule}：安全组的返回中既没有授权对象也没有规则 ID。请在控制台删除。',
	'followup.rules.limit':
		'一个安全组最多容纳 {max} 条规则（入方向和出方向合计）：现有 {before} 条，添加 {adding} 条、删除 {removing} 条后为 {after} 条。请先删除一些规则。',
	'followup.rules.noMatch': '安全组中没有与 {rules} 匹配的规则：未加入队列。',

	'followup.preset.title': '添加常用端口规则（{direction}）',
	'followup.preset.purpose': '常用服务：选择一项，再指定允许的来源（或目的地址）。',

	'followup.review.title': '确认',
	'followup.review.purpose': '确认应用后，这些调用会立即修改安全组。',
	'followup.review.purposeInstances': '每个实例一次调用；被拒绝的实例会单独说明原因。',
	'followup.review.counts': '添加 {adding} 条，删除 {removing} 条：规则数 {before} → {after}（最多 {max}）。',
	'followup.review.legend': '+ 添加   - 删除   = 安全组中已有（不会发送）',
	'followup.review.present': '有 {count} 条规则已在安全组中：再次添加不会有任何变化。',
	'followup.review.nothingToSend': '无需发送：按 Esc 返回排队其他修改。',
	'followup.review.joining': '加入安全组（{count} 个）：',
	'followup.review.leaving': '移出安全组（{count} 个）：',

	'followup.applying.title': '正在应用',
	'followup.applying.stopping': '正在等待当前调用结束后停止…（再按 Ctrl+C 立即退出）',
	'followup.call.alreadyIn': '已在安全组中',
	'followup.call.alreadyOut': '已不在安全组中',
	'followup.call.skipped': '未发送',

	'followup.done.failedTitle': '完成，但有错误',
	'followup.done.added': '已添加 {count} 条规则。',
	'followup.done.removed': '已删除 {count} 条规则。',
	'followup.done.notApplied': '有 {count} 条规则未应用：原因见上方。',
	'followup.done.now': '安全组现有规则（{count} 条）：',
	'followup.done.noRules': '无：入方向拒绝；出方向取决于安全组类型。',
	'followup.done.reading': '正在重新读取安全组…',
	'followup.done.joined': '已将 {count} 个实例加入安全组。',
	'followup.done.left': '已将 {count} 个实例移出安全组。',
	'followup.done.already': '有 {count} 个实例已是所要求的状态：未做修改。',
	'followup.done.notChanged': '有 {count} 个实例未修改：原因见上方。',
	'followup.done.membersNow': '安全组中现有实例（{count} 个）：',
	'followup.done.noMembers': '无。',

	'followup.cancelled': '已取消。没有再发送任何请求。',
	'followup.cancelledAfterCalls': '已取消：上面标记为完成的调用已生效，其余的未发送。',
	'followup.left': '没有做任何修改。',
	'followup.leftApplied': '已对 {id} 应用修改：{count} 个调用成功。没有再发送其他请求。',

	'followup.instances.title': '实例',
	'followup.instances.purpose': '空格键选择要加入或移出的实例；Ctrl+A 选择显示的全部实例。',
	'followup.instances.loading': '正在读取 {id} 及其网络中的实例…',
	'followup.instances.noneVpc': '{vpc} 中还没有实例：请先在 ECS 控制台创建实例，再运行此命令。',
	'followup.instances.noneClassic': '{region} 没有可加入此经典网络安全组的经典网络实例。',
	'followup.instances.sandboxSeed':
		'沙箱中的实例位于 cn-hangzhou、cn-shanghai 和 ap-southeast-1 的 default-vpc：在那里创建安全组即可试用此界面。',
	'followup.instances.member': '在本组，共在 {count} 个组',
	'followup.instances.groups': '在其他 {count} 个组',
	'followup.instances.inGroups': '{id} 所在安全组：{groups}',
	'followup.instances.pending': '已选择加入 {joining} 个，移出 {leaving} 个。',
	'followup.instances.nothing': '还没有选择实例：请先在实例上按空格键。',
	'followup.instances.noneCanJoin': '显示的实例都不能加入此安全组。',

	'followup.status.Running': '运行中',
	'followup.status.Stopped': '已停止',
	'followup.status.Starting': '启动中',
	'followup.status.Stopping': '停止中',
	'followup.status.Pending': '创建中',

	'followup.member.alreadyIn': '{id} 已在此安全组中。',
	'followup.member.notIn': '{id} 不在此安全组中。',
	'followup.member.otherNetwork': '{id} 属于其他网络：实例只能加入同一 VPC 的安全组。',
	'followup.member.status':
		'{id} 的状态为 {status}：只有运行中（Running）或已停止（Stopped）的实例才能修改安全组。',
	'followup.member.mixed':
		'{id} 已在{otherType}安全组 {other} 中：一个实例不能同时属于普通安全组和企业级安全组，而此安全组是{type}安全组。',
	'followup.member.limit': '{id} 已在 {count} 个安全组中，已达到单个实例的上限（{max} 个）。',
	'followup.member.last': '{id} 不在其他安全组中：实例必须至少保留一个安全组。',
	'followup.member.notFound': '{id} 不是此地域 {network} 中的实例。',

	'followup.refused.multiGroupType': 'API 拒绝：一个实例不能同时属于普通安全组和企业级安全组。',
	'followup.refused.limit': 'API 拒绝：该实例所在的安全组数量已达上限。',
	'followup.refused.last': 'API 拒绝：实例必须至少保留一个安全组。',
	'followup.refused.otherVpc': 'API 拒绝：实例和安全组不在同一个 VPC 中。',
	'followup.refused.status': 'API 拒绝：实例当前不是运行中或已停止状态。',
	'followup.refused.ruleLimit': 'API 拒绝：安全组的规则将超过 200 条。',

	'followup.keys.preset': '常用端口',
	'followup.keys.manual': '添加',
	'followup.keys.remove': '删除',
	'followup.keys.direction': '入/出方向',
	'followup.keys.review': '确认',
	'followup.keys.apply': '应用',
	'followup.keys.leave': '离开',
	'followup.keys.more': '继续修改',
	'followup.keys.quit': '退出',
	'followup.keys.select': '选择',
	'followup.keys.selectAll': '全选',
	'followup.keys.discard': '丢弃',
	'followup.keys.keep': '保留',

	'followup.rules.discardLeave':
		'不应用已排队的更改就离开吗（添加 {adding} 条，删除 {removing} 条）？这些更改将被丢弃。',
	'followup.rules.discardBack':
		'返回安全组列表并丢弃已排队的更改吗（添加 {adding} 条，删除 {removing} 条）？',
	'followup.instances.discardLeave':
		'不应用所选内容就离开吗（加入 {joining} 个，移出 {leaving} 个）？所选内容将被丢弃。',
	'followup.instances.discardBack':
		'返回安全组列表并丢弃所选内容吗（加入 {joining} 个，移出 {leaving} 个）？',

	'followup.flags.flag': '{flag}：{message}',
	'followup.flags.rulesAction':
		'“{value}”不是 ecs-sg rules 的操作：请使用 rules list、rules add 或 rules remove。',
	'followup.flags.instancesAction':
		'“{value}”不是 ecs-sg instances 的操作：请使用 instances list、instances add 或 instances remove。',
	'followup.flags.extra': '多余的参数：{value}。',
	'followup.flags.ruleWithoutAction':
		'--rule 需要指定操作：ecs-sg rules add --rule … 或 ecs-sg rules remove --rule …。',
	'followup.flags.ruleMissing':
		'rules {action} 至少需要一个 --rule 协议:端口:CIDR（例如 tcp:22:10.0.0.0/8）。',
	'followup.flags.instanceWithoutAction':
		'--instance 需要指定操作：ecs-sg instances add --instance … 或 instances remove --instance …。',
	'followup.flags.instanceMissing': 'instances {action} 至少需要一个 --instance i-…。',
	'followup.flags.groupMissing': '没有终端时必须提供 --group（例如 --group sg-bp1fg655nh68xyz90000）。',
	'followup.flags.yesMissing': '没有终端时修改安全组需要 --yes（未做任何修改）。',
	'followup.flags.regionMissing':
		'必须提供 --region：配置中没有保存地域，之前也没有使用过地域（例如 --region cn-hangzhou）。',
	'followup.flags.assumedRegion': '未提供 --region：使用 {region}（用 --region 选择其他地域）。',
	'followup.flags.notInRegion': '--group：{id} 不是 {region} 的安全组（{code}）。',
	'followup.flags.notInAssumedRegion':
		'--group：{id} 不是所假定地域 {region} 的安全组；请提供 --region（{code}）。',
	'followup.flags.noSuchInbound': '--rule {rule}：{id} 中没有与之匹配的入方向规则（未做任何修改）。',
	'followup.flags.noSuchOutbound': '--rule {rule}：{id} 中没有与之匹配的出方向规则（是否缺少 --egress？）。',
	'followup.flags.present': '{rule} 已是 {id} 的规则：不会发送。',
	'followup.flags.sending': '› 正在为 {id} 发送 {count} 条规则 …',
	'followup.flags.joining': '› {instance} 正在加入 {id} …',
	'followup.flags.leaving': '› {instance} 正在移出 {id} …',
	'followup.flags.stopping': '正在等待当前调用结束后停止…（再按 Ctrl+C 立即退出）',
	'followup.flags.quitNow': '未等待即退出：当前调用可能仍会生效。',
	'followup.flags.cancelled': '已取消：上面列出的调用已完成，其余的未发送。',
	'followup.flags.rule': '{direction} {protocol} {ports} {cidr}（{policy}，优先级 {priority}）',
	'followup.flags.done': '{action} {what}：完成（请求 {id}）',
	'followup.flags.alreadyIn': '{action} {what}：已在安全组中，未做修改',
	'followup.flags.alreadyOut': '{action} {what}：已不在安全组中，未做修改',
	'followup.flags.failed': '{action} {what}：失败。{reason}',
	'followup.flags.skipped': '{action} {what}：未发送',
	'followup.flags.added': '已添加：{rule}',
	'followup.flags.removed': '已删除：{rule}',
	'followup.flags.nothingToAdd': '无需发送：给出的规则都已在 {id} 中。',
	'followup.flags.nothingToChange': '无需发送：给出的实例在 {id} 中都已是所要求的状态。',
	'followup.flags.listHeading': '{region} 中 {id}（{name}）的规则：{count} 条',
	'followup.flags.instancesHeading':
		'{region} 中 {id}（{name}）所在网络的实例：{total} 个中有 {count} 个在安全组中（*）',
	'followup.flags.instanceName': '名称',
	'followup.flags.instanceId': '实例',
	'followup.flags.instanceStatus': '状态',
	'followup.flags.instanceIp': '私网 IP',
	'followup.flags.instanceGroups': '安全组',

	'followup.groups.action': '“{value}”不是 ecs-sg groups 的操作：请使用 groups list 或 groups delete。',
	'followup.groups.groupWithList': '--group 用于 groups delete；groups list 使用 --region 和 --vpc。',
	'followup.groups.vpcWithDelete': '--vpc 用于 groups list；groups delete 使用 --region 和 --group。',
	'followup.groups.jsonNeedsYes':
		'groups delete --json 不会询问：请加上 --yes（只有没有任何引用时才会删除）。',
	'followup.groups.pickRegion': '安全组所在地域',
	'followup.groups.pickGroup': '要删除的 {region} 安全组',
	'followup.groups.cancelled': '已取消：没有删除任何内容。',
	'followup.groups.heading': '{region} 的安全组：{count} 个',
	'followup.groups.headingVpc': '{region} 中 {vpc} 的安全组：{count} 个',
	'followup.groups.id': 'ID',
	'followup.groups.name': '名称',
	'followup.groups.type': '类型',
	'followup.groups.vpc': 'VPC',
	'followup.groups.description': '描述',
	'followup.groups.about': '{id}（{name}），{region}，{vpc}：{rules} 条规则。',
	'followup.groups.referenced': '{id} 被其他 {count} 个安全组的规则引用：',
	'followup.groups.referencedBy': '{id}（账号 {owner}）',
	'followup.groups.hasInstances': '{id} 中有 {count} 个实例：',
	'followup.groups.blocked':
		'未删除：被其他规则引用或仍有实例的安全组无法删除（DeleteSecurityGroup 返回 DependencyViolation）。',
	'followup.groups.undoRules':
		'请先从这些安全组中删除引用 {id} 的规则：ecs-sg rules remove --group sg-ID --rule PROTO:PORTS:{id}',
	'followup.groups.undoInstances':
		'请先移出这些实例：ecs-sg instances remove --group {id} --instance i-ID --yes',
	'followup.groups.nothingReferences': '没有其他安全组引用它，也没有实例在其中。',
	'followup.groups.confirm': '删除 {id}（{name}）及其规则吗？此操作无法撤销。',
	'followup.groups.kept': '已保留 {id}：没有删除任何内容。',
	'followup.groups.deleted': '已删除 {region} 的 {id}（{name}）。',
	'followup.groups.noneToDelete': '{region} 没有可删除的安全组。',
};
