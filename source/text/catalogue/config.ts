// Messages of the config room (settings file, credential sources) and of `ecs-sg configure` and the services
// wiring it owns. File paths and names arrive as parameters; nothing here ever quotes a file's contents.
export const en = {
	'config.json.invalid': '{file} is not valid JSON: {reason} at line {line}, column {column}.',
	'config.json.empty': 'the file is empty',
	'config.json.unexpected-character': 'unexpected character',
	'config.json.unexpected-end': 'the text ends too early',
	'config.json.trailing-text': 'extra text after the end',
	'config.store.corruptNext': 'Fix the JSON or move {file} away; ecs-sg will start a new one.',
	'config.store.shape': 'The settings file {file} is not in the expected shape: "{key}" should be an object.',
	'config.store.notObject':
		'The settings file {file} is not in the expected shape: it should hold one JSON object.',
	'config.store.unreadable': 'Cannot read the settings file {file} ({code}).',
	'config.store.unwritable': 'Cannot write the settings file {file} ({code}).',
	'config.store.permissionNext':
		'Check that the folder exists and belongs to you, or set ECS_SG_CONFIG_DIR to a folder you can write.',
	'config.store.locked': 'The settings file {file} stayed locked by another ecs-sg process.',
	'config.store.lockedNext': 'Wait for the other ecs-sg to finish; if none is running, delete {lock}.',
	'config.profile.unknown': 'There is no profile named "{name}". Known profiles: {known}.',
	'config.profile.unknownNone': 'There is no profile named "{name}", and no profiles are stored yet.',
	'config.profile.unknownNext':
		'Run "ecs-sg configure --profile {name}" to create it, or name one of the known ones.',
	'config.aliyun.unreadable': 'Cannot read the aliyun CLI settings {file} ({code}).',
	'config.aliyun.shape': '{file} is not in the aliyun CLI layout ({"current": …, "profiles": [ … ]}).',
	'config.aliyun.next': 'Fix it with "aliyun configure", or run "ecs-sg configure" to store keys for ecs-sg.',
	'config.aliyun.unsupportedMode':
		'The aliyun CLI profile "{name}" in {file} uses the {mode} mode, which ecs-sg does not support yet (only AK and StsToken).',
	'config.aliyun.unsupportedNext':
		'Run "ecs-sg configure" to store an AccessKey for ecs-sg, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
	'config.aliyun.incomplete':
		'The aliyun CLI profile "{name}" in {file} ({mode} mode) lacks part of its key pair.',
	'config.file.unreadable': 'Cannot read the credentials file {file} ({code}).',
	'config.file.badLine': '{file}, line {line}: expected "key = value", a [section] heading or a comment.',
	'config.file.outsideSection': '{file}, line {line}: a setting before the first [section] heading.',
	'config.file.missingKey': '{file}, section [{section}] (line {line}): "{key}" is missing.',
	'config.file.unsupportedType':
		'{file}, section [{section}] (line {line}): type = {type} is not supported by ecs-sg yet (only access_key).',
	'config.file.next':
		'Fix {file} (each section needs type = access_key, access_key_id and access_key_secret).',
	'config.env.incomplete': '{set} is set but {missing} is not.',
	'config.env.incompleteNext': 'Set both variables, or neither to use a stored profile.',
	'config.credentials.none': 'No Alibaba Cloud credentials were found.',
	'config.credentials.noneNext':
		'Run "ecs-sg configure", or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or try everything locally with --sandbox.',
	'config.services.badEndpoint':
		'--endpoint needs an http:// or https:// URL without a query, such as http://127.0.0.1:8080; "{value}" is not one.',
	'config.services.sandboxAndEndpoint': 'Give --sandbox or --endpoint, not both.',
	'config.services.cancelled': 'Cancelled.',
	'config.services.sandboxStateNext':
		'Fix the sandbox state file, or move it away to start from a freshly seeded sandbox.',
	'config.configure.usage':
		'Usage: ecs-sg configure [--profile NAME] | ecs-sg configure list | ecs-sg configure use NAME',
	'config.configure.notTty': 'ecs-sg configure asks questions, so it needs a terminal.',
	'config.configure.notTtyNext':
		'In scripts, set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS keys) instead.',
	'config.configure.badName':
		'"{name}" cannot be a profile name: use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.',
	'config.configure.intro':
		'Configuring profile "{name}"; it will be saved in {file} (readable only by you).',
	'config.configure.introExisting':
		'Updating profile "{name}" in {file}; press Enter to keep a value shown in [brackets].',
	'config.configure.importAsk': 'Use the aliyun CLI profile "{name}" (AccessKey ID {id}) from {file}?',
	'config.configure.importSkipped': 'Not offering the aliyun CLI profile: {reason}',
	'config.configure.id': 'AccessKey ID',
	'config.configure.idCurrent': 'AccessKey ID [{current}]',
	'config.configure.secret': 'AccessKey Secret',
	'config.configure.secretCurrent': 'AccessKey Secret [{current}]',
	'config.configure.token': 'STS security token (only for temporary keys; Enter to skip)',
	'config.configure.tokenCurrent': 'STS security token [{current}] (Enter keeps it, "-" removes it)',
	'config.configure.required': 'Required.',
	'config.configure.keyShape': 'Keys are printable ASCII without spaces; check what was pasted.',
	'config.configure.verifying': 'Checking the keys with a real call (DescribeRegions)…',
	'config.configure.verified': 'The keys work.',
	'config.configure.refused': 'The keys were not accepted: {sentence}',
	'config.configure.unchecked': 'The keys could not be checked: {sentence}',
	'config.configure.saveUnchecked':
		'Save them without the check (no default region; the wizard asks for one)',
	'config.configure.retryAsk': 'Nothing was saved. What now?',
	'config.configure.retry': 'Enter the keys again',
	'config.configure.quit': 'Quit without saving',
	'config.configure.nothingSaved': 'Nothing was saved; the stored configuration is unchanged.',
	'config.configure.cancelled': 'Cancelled; the stored configuration is unchanged.',
	'config.configure.region': 'Default region',
	'config.configure.saved':
		'Saved profile "{name}" (AccessKey ID {id}, region {region}) in {file}; it is now the current profile.',
	'config.configure.listEmpty': 'No profiles are stored yet. Run "ecs-sg configure" to add one.',
	'config.configure.listProfile': 'PROFILE',
	'config.configure.listId': 'ACCESSKEY ID',
	'config.configure.listSts': 'STS',
	'config.configure.listRegion': 'REGION',
	'config.configure.yes': 'yes',
	'config.configure.no': 'no',
	'config.configure.using': 'Now using profile "{name}".',
} as const;

export const zh: Record<keyof typeof en, string> = {
	'config.json.invalid': '{file} 不是有效的 JSON：第 {line} 行第 {column} 列{reason}。',
	'config.json.empty': '文件为空',
	'config.json.unexpected-character': '出现了意外的字符',
	'config.json.unexpected-end': '内容提前结束',
	'config.json.trailing-text': '结尾之后还有多余的内容',
	'config.store.corruptNext': '请修正其中的 JSON，或将 {file} 移走；ecs-sg 会新建一个。',
	'config.store.shape': '设置文件 {file} 的结构不对：“{key}”应当是一个对象。',
	'config.store.notObject': '设置文件 {file} 的结构不对：它应当只包含一个 JSON 对象。',
	'config.store.unreadable': '无法读取设置文件 {file}（{code}）。',
	'config.store.unwritable': '无法写入设置文件 {file}（{code}）。',
	'config.store.permissionNext':
		'请确认该文件夹存在且属于你，或将 ECS_SG_CONFIG_DIR 设为你可以写入的文件夹。',
	'config.store.locked': '设置文件 {file} 一直被另一个 ecs-sg 进程锁定。',
	'config.store.lockedNext': '请等待另一个 ecs-sg 结束；如果没有正在运行的 ecs-sg，请删除 {lock}。',
	'config.profile.unknown': '没有名为“{name}”的配置。已有的配置：{known}。',
	'config.profile.unknownNone': '没有名为“{name}”的配置，目前也还没有保存任何配置。',
	'config.profile.unknownNext': '运行“ecs-sg configure --profile {name}”创建它，或使用已有的配置名。',
	'config.aliyun.unreadable': '无法读取 aliyun CLI 的设置 {file}（{code}）。',
	'config.aliyun.shape': '{file} 不是 aliyun CLI 的格式（{"current": …, "profiles": [ … ]}）。',
	'config.aliyun.next': '请用“aliyun configure”修复它，或运行“ecs-sg configure”为 ecs-sg 保存密钥。',
	'config.aliyun.unsupportedMode':
		'{file} 中的 aliyun CLI 配置“{name}”使用 {mode} 模式，ecs-sg 暂不支持（目前只支持 AK 和 StsToken）。',
	'config.aliyun.unsupportedNext':
		'运行“ecs-sg configure”为 ecs-sg 保存 AccessKey，或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。',
	'config.aliyun.incomplete': '{file} 中的 aliyun CLI 配置“{name}”（{mode} 模式）缺少部分密钥。',
	'config.file.unreadable': '无法读取凭证文件 {file}（{code}）。',
	'config.file.badLine': '{file} 第 {line} 行：应为“key = value”、[节] 标题或注释。',
	'config.file.outsideSection': '{file} 第 {line} 行：设置项出现在第一个 [节] 标题之前。',
	'config.file.missingKey': '{file} 的 [{section}] 节（第 {line} 行）缺少“{key}”。',
	'config.file.unsupportedType':
		'{file} 的 [{section}] 节（第 {line} 行）：ecs-sg 暂不支持 type = {type}（目前只支持 access_key）。',
	'config.file.next': '请修正 {file}（每一节都需要 type = access_key、access_key_id 和 access_key_secret）。',
	'config.env.incomplete': '已设置 {set}，但没有设置 {missing}。',
	'config.env.incompleteNext': '请同时设置这两个变量，或都不设置以使用已保存的配置。',
	'config.credentials.none': '没有找到阿里云凭证。',
	'config.credentials.noneNext':
		'请运行“ecs-sg configure”，或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET，或使用 --sandbox 在本地体验全部功能。',
	'config.services.badEndpoint':
		'--endpoint 需要一个不带查询参数的 http:// 或 https:// 地址，例如 http://127.0.0.1:8080；“{value}”不符合要求。',
	'config.services.sandboxAndEndpoint': '--sandbox 和 --endpoint 只能二选一。',
	'config.services.cancelled': '已取消。',
	'config.services.sandboxStateNext': '请修正沙箱状态文件，或将其移走，以便从重新生成的沙箱开始。',
	'config.configure.usage':
		'用法：ecs-sg configure [--profile NAME] | ecs-sg configure list | ecs-sg configure use NAME',
	'config.configure.notTty': 'ecs-sg configure 需要回答问题，因此必须在终端中运行。',
	'config.configure.notTtyNext':
		'在脚本中请改为设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET（STS 临时密钥还需设置 ALIBABA_CLOUD_SECURITY_TOKEN）。',
	'config.configure.badName':
		'“{name}”不能作为配置名：请使用 1 到 64 个字母、数字、“.”、“_”或“-”，并以字母或数字开头。',
	'config.configure.intro': '正在配置“{name}”；它将保存在 {file} 中（只有你能读取）。',
	'config.configure.introExisting':
		'正在更新 {file} 中的配置“{name}”；直接按回车可保留 [方括号] 中显示的值。',
	'config.configure.importAsk': '是否使用 {file} 中的 aliyun CLI 配置“{name}”（AccessKey ID {id}）？',
	'config.configure.importSkipped': '不提供导入 aliyun CLI 配置：{reason}',
	'config.configure.id': 'AccessKey ID',
	'config.configure.idCurrent': 'AccessKey ID [{current}]',
	'config.configure.secret': 'AccessKey Secret',
	'config.configure.secretCurrent': 'AccessKey Secret [{current}]',
	'config.configure.token': 'STS 安全令牌（仅临时密钥需要；按回车跳过）',
	'config.configure.tokenCurrent': 'STS 安全令牌 [{current}]（按回车保留，输入“-”删除）',
	'config.configure.required': '此项必填。',
	'config.configure.keyShape': '密钥只包含不带空格的可打印 ASCII 字符，请检查粘贴的内容。',
	'config.configure.verifying': '正在用一次真实调用（DescribeRegions）验证密钥…',
	'config.configure.verified': '密钥可以使用。',
	'config.configure.refused': '密钥未被接受：{sentence}',
	'config.configure.unchecked': '无法校验密钥：{sentence}',
	'config.configure.saveUnchecked': '不校验直接保存（不设默认地域；向导会询问）',
	'config.configure.retryAsk': '没有保存任何内容。接下来怎么做？',
	'config.configure.retry': '重新输入密钥',
	'config.configure.quit': '不保存并退出',
	'config.configure.nothingSaved': '没有保存任何内容；已保存的配置保持不变。',
	'config.configure.cancelled': '已取消；已保存的配置保持不变。',
	'config.configure.region': '默认地域',
	'config.configure.saved':
		'已将配置“{name}”（AccessKey ID {id}，地域 {region}）保存到 {file}；它现在是当前配置。',
	'config.configure.listEmpty': '还没有保存任何配置。运行“ecs-sg configure”添加一个。',
	'config.configure.listProfile': '配置',
	'config.configure.listId': 'ACCESSKEY ID',
	'config.configure.listSts': 'STS',
	'config.configure.listRegion': '地域',
	'config.configure.yes': '是',
	'config.configure.no': '否',
	'config.configure.using': '当前配置已切换为“{name}”。',
} as const;
