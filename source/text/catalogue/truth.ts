// What the wizard says so that its screens stay true after going back, editing, stopping or reusing a group:
// the quit question, the keys that say where Esc goes, a stop that came too late, a reused group's missing rules.
export const en = {
	'truth.quit.ask': 'Quit and throw away the {count} answers given so far?',
	'truth.quit.askOne': 'Quit and throw away the answer given so far?',
	'truth.keys.quit': 'quit',
	'truth.keys.stay': 'stay',
	'truth.keys.backToReview': 'back to Review',
	'truth.review.enterpriseClassic':
		'Enterprise groups exist only in a VPC: press {key} to change the network to VPC first, or keep the normal type.',
	'truth.done.stoppedLate':
		'The stop came after the last call had been sent. Security group {id} was created in {region} with all its rules.',
	'truth.done.reusedTranscript': 'Using the existing group {id} in {region}.',
	'truth.reused.checking': 'Reading the rules of {id}…',
	'truth.reused.allThere': 'It already has every rule you planned.',
	'truth.reused.lacks': 'It lacks {count} of the {total} rules you planned:',
	'truth.reused.lacksOne': 'It lacks 1 of the {total} rules you planned:',
	'truth.reused.unread': 'Could not read its rules ({reason}): nothing was added.',
	'truth.keys.addMissing': 'add them now',
	'truth.configure.regionFilter': 'type to filter',
} as const;

export const zh: Record<keyof typeof en, string> = {
	'truth.quit.ask': '退出并丢弃已填写的 {count} 项答案？',
	'truth.quit.askOne': '退出并丢弃已填写的答案？',
	'truth.keys.quit': '退出',
	'truth.keys.stay': '留下',
	'truth.keys.backToReview': '返回确认页',
	'truth.review.enterpriseClassic':
		'企业级安全组只能在 VPC 中创建：请先按 {key} 把网络类型改为 VPC，或保留普通类型。',
	'truth.done.stoppedLate':
		'停止请求在最后一个调用发出之后才到达。安全组 {id} 已在 {region} 创建完成，规则已全部添加。',
	'truth.done.reusedTranscript': '正在使用 {region} 中已有的安全组 {id}。',
	'truth.reused.checking': '正在读取 {id} 的规则…',
	'truth.reused.allThere': '它已包含你计划的全部规则。',
	'truth.reused.lacks': '你计划的 {total} 条规则中，它缺少 {count} 条：',
	'truth.reused.lacksOne': '你计划的 {total} 条规则中，它缺少 1 条：',
	'truth.reused.unread': '无法读取它的规则（{reason}）：没有添加任何规则。',
	'truth.keys.addMissing': '立即添加',
	'truth.configure.regionFilter': '输入以筛选',
};
