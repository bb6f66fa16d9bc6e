export const en = {
	'cli.help': `ecs-sg: create an Alibaba Cloud ECS security group, step by step, the way the console does

Usage
  ecs-sg [create] [flags]          the wizard in a terminal; flags only otherwise (with --yes)
  ecs-sg configure [--profile P]   store credentials (hidden input, verified before saving)
         configure --mode M        AK (default), or RamRoleArn: keys and a role they assume
         configure list | use P    show stored profiles and their modes | switch the current one
  ecs-sg sandbox [options]         run the local Alibaba Cloud stand-in in the foreground
  ecs-sg resume [--delete] [--yes] finish (or delete) a create that was interrupted
  ecs-sg rules [list|add|remove]   see or change the rules of an existing group
  ecs-sg instances [add|remove] .. add or remove instances to or from a group
  ecs-sg groups [list|delete]      list a region's groups, or delete one (what references it first)

Create flags (each answers one wizard step)
  --region ID                      region, e.g. cn-hangzhou
  --template NAME                  web-linux | web-windows | custom
  --name NAME                      security group name (2-128 characters, starts with a letter)
  --description TEXT               description (2-256 characters)
  --vpc VPC_ID | --classic         the VPC to create the group in, or the legacy classic network
  --type normal|enterprise         basic (normal, the default) or advanced (enterprise) group
  --source PEER                    source of the template's SSH (22) and RDP (3389) rules only; HTTP, HTTPS
                                   and ICMP stay open to 0.0.0.0/0 (default 0.0.0.0/0; per rule: --rule)
  --rule SPEC                      extra rule, inbound or out:, repeatable (see Rule syntax)
  --resource-group ID              resource group, e.g. rg-acfmxazb4ph6aiy
  --tag KEY=VALUE                  tag, repeatable (up to 20)
  --yes                            create without asking for confirmation
  --json                           print one JSON object on stdout and nothing else there
  --dry-run                        show the plan and the equivalent commands; change nothing
  --export aliyun|terraform        print the aliyun CLI commands or a Terraform file for the group
  --allow-duplicate-name           allow a name already used in the same VPC (flags mode)

Rules and instances flags (also --region ID, --yes, --json)
  --group sg-ID                    the security group to change
  --rule SPEC                      rule to add or remove (rules add|remove), repeatable (see Rule syntax)
  --egress                         the rules are outbound (same as out: on each --rule)

Rule syntax  [in:|out:]PROTOCOL:PORTS:PEER[,OPTION...]
  PROTOCOL                         tcp, udp, icmp, icmpv6, gre or all
  PORTS                            one port or one range (22, 8000-8100); all or -1 for icmp, icmpv6, gre, all
  PEER                             IPv4 (203.0.113.4, 10.0.0.0/8), IPv6 (2001:db8::/32), sg-ID or pl-ID
  OPTION                           drop (default accept), priority=1..100 (default 1, 1 first),
                                   owner=ACCOUNT (another account's sg-ID), desc=TEXT (last, may hold commas)
  e.g. tcp:443:2001:db8::/32   tcp:3306:sg-bp1app,priority=10   udp:53:10.0.0.0/8,drop,priority=5
       out:tcp:443:pl-x1j1k5y,desc=to the mirror   icmp:all:10.0.0.0/8   (one range a rule: no 80,443)
  --instance i-ID                  instance to add or remove (instances add|remove), repeatable

Sandbox options
  --port N                         port on 127.0.0.1 (0 picks a free one; default 0)
  --state FILE                     JSON state file that survives restarts
  --latency MS                     delay every response
  --fault ACTION:KIND[:COUNT]      make the next COUNT calls of ACTION fail as KIND (repeatable):
                                   throttle, unavailable, internal, reset, hang, lose
  --sts-ttl SECONDS                lifetime of the temporary keys STS issues (tests)
  --metadata-port N                also serve the ECS instance-metadata stand-in (IMDSv2)

Global flags
  --profile NAME                   use this stored profile
  --endpoint URL                   send every API call (ECS, VPC and STS) to this URL
  --sandbox                        start the sandbox in-process and use it (no account needed)
  --lang en|zh                     language of every screen and message
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 done, 1 the cloud or the network failed, 2 bad usage or input, 130 cancelled
(Ctrl+C or SIGINT), 143 stopped by SIGTERM, 129 stopped by SIGHUP.
Credentials are looked up in: --profile / ALIBABA_CLOUD_PROFILE, ALIBABA_CLOUD_ACCESS_KEY_ID and
ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN), OIDC (ALIBABA_CLOUD_ROLE_ARN,
ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE), ALIBABA_CLOUD_CREDENTIALS_URI,
ALIBABA_CLOUD_ECS_METADATA, the current stored profile, ~/.aliyun/config.json (every mode),
~/.alibabacloud/credentials. Temporary keys are renewed before they expire.`,
	// Each command's own page (`ecs-sg COMMAND --help`, `ecs-sg help COMMAND`). Lines stay within 80 columns, and an
	// example too long for one line goes on with " \" so that it still runs as printed when copied.
	'cli.help.create': `ecs-sg create: make a security group, step by step or from flags

Usage
  ecs-sg [create] [flags]
In a terminal the wizard asks for what the flags do not give; otherwise (piped,
in a script, TERM=dumb) every answer comes from flags and --yes confirms.

Flags (each answers one wizard step)
  --region ID                  region, e.g. cn-hangzhou
  --template NAME              web-linux | web-windows | custom
  --name NAME                  group name (2-128 characters, from a letter)
  --description TEXT           description (2-256 characters)
  --vpc VPC_ID | --classic     the VPC of the group, or the classic network
  --type normal|enterprise     basic (normal, the default) or advanced group
  --source PEER                source of the template's SSH and RDP rules only
                               (HTTP, HTTPS, ICMP stay open; per rule: --rule)
  --rule RULE                  extra rule, in: or out:, repeatable (see below)
  --resource-group ID          resource group, e.g. rg-acfmxazb4ph6aiy
  --tag KEY=VALUE              tag, repeatable (up to 20)
  --yes                        create without asking for confirmation
  --json                       one JSON object on stdout, errors included
  --dry-run                    show the plan and its commands; change nothing
  --export aliyun|terraform    print aliyun CLI commands or a Terraform file
  --allow-duplicate-name       allow a name already used in the same VPC

{ruleSyntax}

Examples
  ecs-sg --sandbox                     try the wizard on the built-in sandbox
  ecs-sg create --region cn-hangzhou --template web-linux --name web-sg \\
    --vpc vpc-bp1qpo0kug3a20qqe0000 --yes
  ecs-sg create --region cn-hangzhou --template custom --name db-sg \\
    --vpc vpc-bp1qpo0kug3a20qqe0000 --rule tcp:3306:10.0.0.0/8 --dry-run

Global flags: --profile NAME, --endpoint URL, --sandbox, --lang en|zh`,
	// The rule syntax of --rule, shared by the create and rules pages (domain/rules.ts parseRuleSpec).
	'cli.help.ruleSyntax': `Rule syntax (--rule)  [in:|out:]PROTO:PORTS:PEER[,OPTION...]
  PROTO    tcp, udp, icmp, icmpv6, gre, all
  PORTS    22 or 8000-8100 (one range a rule); all or -1 for icmp(v6), gre, all
  PEER     203.0.113.4, 10.0.0.0/8, 2001:db8::/32, sg-ID or pl-ID
  OPTION   drop (default accept), priority=1..100 (default 1, 1 first),
           owner=ACCOUNT (another account's sg-ID), desc=TEXT (last; commas ok)
  e.g.     tcp:443:2001:db8::/32   tcp:3306:sg-bp1app,priority=10
           udp:53:10.0.0.0/8,drop  out:tcp:443:pl-x1j1k5y,desc=to the mirror`,
	'cli.help.rules': `ecs-sg rules: add or remove rules of an existing security group

Usage
  ecs-sg rules                        pick the region and group, mark changes
  ecs-sg rules list --region ID --group sg-ID [--json]
                                      print the group's rules, change nothing
  ecs-sg rules add --region ID --group sg-ID --rule RULE [--rule RULE ...]
  ecs-sg rules remove --region ID --group sg-ID --rule RULE [--rule RULE ...]

Flags
  --region ID                  region of the group, e.g. cn-hangzhou
  --group sg-ID                the security group to change
  --rule RULE                  rule to add or remove, repeatable
  --egress                     the rules are outbound (same as out: on each)
  --yes                        change without asking for confirmation
  --json                       one JSON object on stdout, errors included

{ruleSyntax}

Examples
  ecs-sg rules --sandbox
  ecs-sg rules add --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --rule tcp:22:203.0.113.4/32 --yes
  ecs-sg rules remove --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --egress --rule all:-1:0.0.0.0/0

Global flags: --profile NAME, --endpoint URL, --sandbox, --lang en|zh`,
	'cli.help.instances': `ecs-sg instances: put instances into a security group or take them out

Usage
  ecs-sg instances                    pick the region and group, mark instances
  ecs-sg instances list --region ID --group sg-ID [--json]
                                      print the instances of the group's network
  ecs-sg instances add --region ID --group sg-ID --instance i-ID [...]
  ecs-sg instances remove --region ID --group sg-ID --instance i-ID [...]

Flags
  --region ID                  region of the group, e.g. cn-hangzhou
  --group sg-ID                the security group
  --instance i-ID              instance to add or remove, repeatable
  --yes                        change without asking for confirmation
  --json                       one JSON object on stdout, errors included

Examples
  ecs-sg instances --sandbox
  ecs-sg instances add --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --instance i-bp67acfmxazb4ph30000 --yes

Global flags: --profile NAME, --endpoint URL, --sandbox, --lang en|zh`,
	'cli.help.groups': `ecs-sg groups: list the security groups of a region, or delete one

Usage
  ecs-sg groups [list] [--region ID] [--vpc vpc-ID] [--json]
  ecs-sg groups delete [--region ID] [--group sg-ID] [--yes] [--json]

  delete first shows what would stop it: the rules of other groups that
  reference the group (DescribeSecurityGroupReferences) and the instances in
  it; then it asks (or takes --yes).
  A referenced group, or one with instances, is not deleted (exit 1): the
  message says what to undo first.
  In a terminal, a missing --region or --group is picked from a list.

Flags
  --region ID                  region of the groups, e.g. cn-hangzhou
  --vpc vpc-ID                 list only the groups of this VPC
  --group sg-ID                the group to delete
  --yes                        delete without asking for confirmation
  --json                       one JSON object on stdout, errors included
                               (delete --json needs --yes)

Examples
  ecs-sg groups --sandbox --region cn-hangzhou
  ecs-sg groups delete --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --yes

Global flags: --profile NAME, --endpoint URL, --sandbox, --lang en|zh`,
	'cli.help.configure': `ecs-sg configure: store credentials in a named profile

Usage
  ecs-sg configure [--profile NAME]   ask for keys (hidden), verify, then save
  ecs-sg configure --mode RamRoleArn  keys and a RAM role they assume (checked)
  ecs-sg configure list               show stored profiles and their modes
  ecs-sg configure use NAME           make NAME the current profile

Keys are checked against the API before they are saved. A command uses
--profile NAME, else ALIBABA_CLOUD_PROFILE, else keys in the environment, else
the current profile (ecs-sg --help lists the whole order).

Examples
  ecs-sg configure
  ecs-sg configure --profile prod
  ecs-sg configure use prod

Global flags: --profile NAME, --endpoint URL, --lang en|zh`,
	'cli.help.resume': `ecs-sg resume: finish or delete a create that was interrupted

Usage
  ecs-sg resume [--delete] [--yes] [--json]

A create that stopped part-way (network lost, Ctrl+C, a refused rule) is kept
in the settings. resume shows what exists in the cloud and finishes it with
the same ClientToken, so it never makes a second group; --delete removes it.

Flags
  --delete                     delete the group instead of finishing it
  --yes                        do it without asking for confirmation
  --json                       one JSON object on stdout, errors included

Examples
  ecs-sg resume
  ecs-sg resume --delete --yes

Global flags: --profile NAME, --endpoint URL, --sandbox, --lang en|zh`,
	'cli.help.sandbox': `ecs-sg sandbox: run the local Alibaba Cloud stand-in in the foreground

Usage
  ecs-sg sandbox [--port N] [--state FILE] [--latency MS] [--fault SPEC ...]

It answers the ECS and VPC calls ecs-sg makes, signed as the real API wants,
on 127.0.0.1 only, and prints its endpoint and keys. Point another ecs-sg at it
with --endpoint and those keys; --sandbox runs one in-process instead.

Options
  --port N                     port on 127.0.0.1 (0 picks a free one; default 0)
  --state FILE                 JSON state file that survives restarts
  --latency MS                 delay every response
  --fault ACTION:KIND[:COUNT]  make the next COUNT calls of ACTION fail as KIND,
                               repeatable: throttle, unavailable, internal,
                               reset, hang, lose
  --sts-ttl SECONDS            lifetime of the keys STS issues (tests)
  --metadata-port N            also serve the instance-metadata stand-in

Examples
  ecs-sg sandbox --port 8080 --state sandbox.json
  ecs-sg sandbox --latency 100 --fault AuthorizeSecurityGroup:throttle:2`,
	'cli.help.runAs': 'Run here as: {command} …',
	'cli.error.helpTopic':
		'There is no help for "{topic}". Commands: create, configure, sandbox, resume, rules, instances.',
	'cli.error.helpTopicNear': 'There is no help for "{topic}"; did you mean "{near}"?',
	'cli.error.regionNear': 'ECS does not know the region "{region}"; did you mean {near}?',
	'cli.error.regionList': 'ECS does not know the region "{region}"; its regions are: {list}.',
	'cli.error.wizardNeedsStdout':
		'The wizard needs a terminal on stdout, and stdout is a pipe or a file; give these flags to create without it:',
	'cli.error.screensNeedStdout':
		'{command} asks on screen, which needs a terminal on stdout, and stdout is a pipe or a file (nothing was changed).',
	'cli.terminal.rules':
		'Without a terminal, use flags: {command} list --group ID, or {command} add|remove --group ID --rule PROTO:PORTS:CIDR --yes.',
	'cli.terminal.instances':
		'Without a terminal, use flags: {command} list --group ID, or {command} add|remove --group ID --instance ID --yes.',
	'cli.terminal.groups': 'Without a terminal, use flags: {command} delete --group ID --yes.',
	'cli.error.prefix': 'Error: {message}',
	'cli.error.unknownCommand':
		'Unknown command "{command}". Commands: create, configure, sandbox, resume, rules, instances.',
	'cli.error.unknownFlag': 'Unknown flag {flag}.',
	'cli.error.unknownFlagNear': 'Unknown flag {flag}; did you mean {near}?',
	'cli.error.unknownCommandNear':
		'Unknown command "{command}"; did you mean "{near}"? Commands: create, configure, sandbox, resume, rules, instances.',
	'cli.error.flagNotForCommand':
		'The flag {flag} does not apply to "ecs-sg {command}"; it belongs to {owners}.',
	'cli.error.missingValue': 'The flag {flag} needs a value, e.g. {example}.',
	'cli.error.unexpectedValue': 'The flag {flag} takes no value.',
	'cli.error.badLang': 'The flag --lang takes "en" or "zh", not "{value}".',
	'cli.error.repeated': 'The flag {flag} was given more than once; give it once.',
	'cli.hint.help': 'Run "ecs-sg --help" to see every command and flag.',
	'cli.stopped': 'Stopped by {signal}.',
	'cli.note.dumbTerminal':
		'Note: this terminal (TERM=dumb) cannot redraw a screen, so ecs-sg asks nothing: give the answers as flags (see ecs-sg --help).',
	'cli.prompt.navigate': 'navigate',
	'cli.prompt.select': 'select',
	'cli.prompt.reveal': 'show or hide',
	'cli.prompt.masked': '[input is masked]',
	'cli.prompt.yes': 'yes',
	'cli.prompt.no': 'no',
	'cli.prompt.yesOrNo': 'Answer y (yes) or n (no).',
	'cli.error.unexpected':
		'Something went wrong inside ecs-sg: {message}. Nothing else was changed. Please report this with the command you ran.',
} as const;

export const zh: Record<keyof typeof en, string> = {
	'cli.help': `ecs-sg：像控制台一样，一步步创建阿里云 ECS 安全组

用法
  ecs-sg [create] [参数]           在终端中运行向导；非终端环境下只用参数（需加 --yes）
  ecs-sg configure [--profile P]   保存凭证（输入隐藏，保存前先向 API 验证）
         configure --mode M        AK（默认），或 RamRoleArn：密钥及其扮演的角色
         configure list | use P    列出已保存的配置及其模式（密钥已遮盖）| 切换当前配置
  ecs-sg sandbox [选项]            在前台运行本地的阿里云模拟服务（沙箱）
  ecs-sg resume [--delete] [--yes] 完成（或删除）一次中断的创建
  ecs-sg rules [list|add|remove]   查看或修改已有安全组的规则
  ecs-sg instances [add|remove] .. 将实例加入安全组或移出安全组
  ecs-sg groups [list|delete]      列出地域的安全组，或删除一个（先显示引用它的内容）

创建参数（每个参数回答向导的一步）
  --region ID                      地域，例如 cn-hangzhou
  --template NAME                  web-linux | web-windows | custom
  --name NAME                      安全组名称（2-128 个字符，以字母或中文开头）
  --description TEXT               描述（2-256 个字符）
  --vpc VPC_ID | --classic         安全组所在的专有网络（VPC），或旧版经典网络
  --type normal|enterprise         普通安全组（normal，默认）或企业级安全组（enterprise）
  --source PEER                    只用于模板的 SSH（22）和 RDP（3389）规则的授权对象；HTTP、HTTPS 和 ICMP
                                   仍对 0.0.0.0/0 开放（默认 0.0.0.0/0；逐条指定请用 --rule）
  --rule SPEC                      额外的规则，入方向或 out:，可重复（见“规则写法”）
  --resource-group ID              资源组，例如 rg-acfmxazb4ph6aiy
  --tag KEY=VALUE                  标签，可重复（最多 20 个）
  --yes                            不再确认，直接创建
  --json                           在标准输出上只打印一个 JSON 对象
  --dry-run                        只显示计划和等效命令，不做任何更改
  --export aliyun|terraform        输出可重建该安全组的 aliyun CLI 命令或 Terraform 文件
  --allow-duplicate-name           允许使用同一 VPC 中已存在的名称（参数模式）

规则与实例参数（另有 --region ID、--yes、--json）
  --group sg-ID                    要修改的安全组
  --rule SPEC                      要添加或删除的规则（rules add|remove），可重复（见“规则写法”）
  --egress                         规则为出方向（等同于每个 --rule 前加 out:）

规则写法  [in:|out:]协议:端口:对端[,选项...]
  协议                             tcp、udp、icmp、icmpv6、gre 或 all
  端口                             一个端口或一个范围（22、8000-8100）；icmp、icmpv6、gre、all 写 all 或 -1
  对端                             IPv4（203.0.113.4、10.0.0.0/8）、IPv6（2001:db8::/32）、sg-ID 或 pl-ID
  选项                             drop（默认 accept）、priority=1..100（默认 1，1 最先）、
                                   owner=账号（其他账号的 sg-ID）、desc=描述（放在最后，可含逗号）
  例如 tcp:443:2001:db8::/32   tcp:3306:sg-bp1app,priority=10   udp:53:10.0.0.0/8,drop,priority=5
       out:tcp:443:pl-x1j1k5y,desc=to the mirror   icmp:all:10.0.0.0/8   （每条规则一个范围：不能写 80,443）
  --instance i-ID                  要加入或移出的实例（instances add|remove），可重复

沙箱选项
  --port N                         监听 127.0.0.1 的端口（0 表示自动选择；默认 0）
  --state FILE                     可在重启后保留的 JSON 状态文件
  --latency MS                     每个响应延迟的毫秒数
  --fault ACTION:KIND[:COUNT]      让接下来 COUNT 次 ACTION 调用以 KIND 方式失败（可重复）：
                                   throttle、unavailable、internal、reset、hang、lose
  --sts-ttl SECONDS                STS 临时密钥的有效秒数（测试用）
  --metadata-port N                同时提供 ECS 实例元数据服务替身（IMDSv2）

全局参数
  --profile NAME                   使用此已保存的配置
  --endpoint URL                   将所有 API 调用（ECS、VPC 和 STS）发送到此地址
  --sandbox                        在进程内启动沙箱并使用它（无需阿里云账号）
  --lang en|zh                     所有界面和消息的语言
  -h, --help                       显示本帮助
  -v, --version                    显示版本

退出码：0 完成，1 云服务或网络失败，2 用法或输入错误，130 已取消（Ctrl+C 或 SIGINT），
143 被 SIGTERM 停止，129 被 SIGHUP 停止。
凭证查找顺序：--profile / ALIBABA_CLOUD_PROFILE，环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID 和
ALIBABA_CLOUD_ACCESS_KEY_SECRET（以及 ALIBABA_CLOUD_SECURITY_TOKEN），OIDC（ALIBABA_CLOUD_ROLE_ARN、
ALIBABA_CLOUD_OIDC_PROVIDER_ARN、ALIBABA_CLOUD_OIDC_TOKEN_FILE），ALIBABA_CLOUD_CREDENTIALS_URI，
ALIBABA_CLOUD_ECS_METADATA，当前保存的配置，~/.aliyun/config.json（所有模式），~/.alibabacloud/credentials。
临时密钥会在过期前自动续期。`,
	'cli.help.create': `ecs-sg create：一步步或用参数创建安全组

用法
  ecs-sg [create] [参数]
在终端中，向导会询问参数未给出的内容；否则（管道、脚本、TERM=dumb）
所有答案都来自参数，并用 --yes 确认。

参数（每个参数回答向导的一步）
  --region ID                  地域，例如 cn-hangzhou
  --template NAME              web-linux | web-windows | custom
  --name NAME                  安全组名称（2-128 个字符，以字母或中文开头）
  --description TEXT           描述（2-256 个字符）
  --vpc VPC_ID | --classic     安全组所在的专有网络（VPC），或经典网络
  --type normal|enterprise     普通安全组（normal，默认）或企业级安全组
  --source PEER                只用于模板 SSH 和 RDP 规则的授权对象
                               （HTTP、HTTPS、ICMP 仍开放；逐条请用 --rule）
  --rule RULE                  额外的规则，in: 或 out:，可重复（见下文）
  --resource-group ID          资源组，例如 rg-acfmxazb4ph6aiy
  --tag KEY=VALUE              标签，可重复（最多 20 个）
  --yes                        不再确认，直接创建
  --json                       在标准输出上只打印一个 JSON 对象（错误也是）
  --dry-run                    只显示计划和等效命令，不做任何更改
  --export aliyun|terraform    输出 aliyun CLI 命令或 Terraform 文件
  --allow-duplicate-name       允许使用同一 VPC 中已存在的名称

{ruleSyntax}

示例
  ecs-sg --sandbox                     在内置沙箱上试用向导
  ecs-sg create --region cn-hangzhou --template web-linux --name web-sg \\
    --vpc vpc-bp1qpo0kug3a20qqe0000 --yes
  ecs-sg create --region cn-hangzhou --template custom --name db-sg \\
    --vpc vpc-bp1qpo0kug3a20qqe0000 --rule tcp:3306:10.0.0.0/8 --dry-run

全局参数：--profile NAME、--endpoint URL、--sandbox、--lang en|zh`,
	'cli.help.ruleSyntax': `规则写法（--rule）  [in:|out:]PROTO:PORTS:PEER[,选项...]
  PROTO    tcp、udp、icmp、icmpv6、gre、all
  PORTS    22 或 8000-8100（每条规则一个范围）；icmp(v6)、gre、all 写 all 或 -1
  PEER     203.0.113.4、10.0.0.0/8、2001:db8::/32、sg-ID 或 pl-ID
  选项     drop（默认 accept）、priority=1..100（默认 1，1 最先）、
           owner=账号（其他账号的 sg-ID）、desc=描述（放在最后，可含逗号）
  例如     tcp:443:2001:db8::/32   tcp:3306:sg-bp1app,priority=10
           udp:53:10.0.0.0/8,drop  out:tcp:443:pl-x1j1k5y,desc=to the mirror`,
	'cli.help.rules': `ecs-sg rules：为已有安全组添加或删除规则

用法
  ecs-sg rules                        选择地域和安全组，标记更改
  ecs-sg rules list --region ID --group sg-ID [--json]
                                      打印安全组的规则，不做任何修改
  ecs-sg rules add --region ID --group sg-ID --rule RULE [--rule RULE ...]
  ecs-sg rules remove --region ID --group sg-ID --rule RULE [--rule RULE ...]

参数
  --region ID                  安全组所在地域，例如 cn-hangzhou
  --group sg-ID                要修改的安全组
  --rule RULE                  要添加或删除的规则，可重复
  --egress                     规则为出方向（等同于每条前加 out:）
  --yes                        不再确认，直接修改
  --json                       在标准输出上只打印一个 JSON 对象（错误也是）

{ruleSyntax}

示例
  ecs-sg rules --sandbox
  ecs-sg rules add --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --rule tcp:22:203.0.113.4/32 --yes
  ecs-sg rules remove --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --egress --rule all:-1:0.0.0.0/0

全局参数：--profile NAME、--endpoint URL、--sandbox、--lang en|zh`,
	'cli.help.instances': `ecs-sg instances：将实例加入安全组或移出安全组

用法
  ecs-sg instances                    选择地域和安全组，标记实例
  ecs-sg instances list --region ID --group sg-ID [--json]
                                      打印安全组所在网络的实例
  ecs-sg instances add --region ID --group sg-ID --instance i-ID [...]
  ecs-sg instances remove --region ID --group sg-ID --instance i-ID [...]

参数
  --region ID                  安全组所在地域，例如 cn-hangzhou
  --group sg-ID                安全组
  --instance i-ID              要加入或移出的实例，可重复
  --yes                        不再确认，直接修改
  --json                       在标准输出上只打印一个 JSON 对象（错误也是）

示例
  ecs-sg instances --sandbox
  ecs-sg instances add --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --instance i-bp67acfmxazb4ph30000 --yes

全局参数：--profile NAME、--endpoint URL、--sandbox、--lang en|zh`,
	'cli.help.groups': `ecs-sg groups：列出某地域的安全组，或删除其中一个

用法
  ecs-sg groups [list] [--region ID] [--vpc vpc-ID] [--json]
  ecs-sg groups delete [--region ID] [--group sg-ID] [--yes] [--json]

  delete 会先显示阻止删除的内容：引用该安全组的其他安全组规则
  （DescribeSecurityGroupReferences）以及其中的实例；
  然后询问确认（或使用 --yes）。
  被引用或仍有实例的安全组不会被删除（退出码 1）：提示会说明需要先撤销什么。
  在终端中，缺少的 --region 或 --group 可从列表中选择。

参数
  --region ID                  安全组所在地域，例如 cn-hangzhou
  --vpc vpc-ID                 只列出此 VPC 的安全组
  --group sg-ID                要删除的安全组
  --yes                        不再确认，直接删除
  --json                       在标准输出上只打印一个 JSON 对象（错误也是）
                               （delete --json 需要 --yes）

示例
  ecs-sg groups --sandbox --region cn-hangzhou
  ecs-sg groups delete --region cn-hangzhou --group sg-bp1fg655nh68xyz90000 \\
    --yes

全局参数：--profile NAME、--endpoint URL、--sandbox、--lang en|zh`,
	'cli.help.configure': `ecs-sg configure：将凭证保存为命名配置

用法
  ecs-sg configure [--profile NAME]   输入密钥（隐藏），验证后保存
  ecs-sg configure --mode RamRoleArn  密钥及其扮演的 RAM 角色（先验证）
  ecs-sg configure list               列出已保存的配置及其模式（密钥已遮盖）
  ecs-sg configure use NAME           将 NAME 设为当前配置

保存前会先向 API 验证密钥。命令依次使用 --profile NAME、ALIBABA_CLOUD_PROFILE、
环境变量中的密钥、当前配置（完整顺序见 ecs-sg --help）。

示例
  ecs-sg configure
  ecs-sg configure --profile prod
  ecs-sg configure use prod

全局参数：--profile NAME、--endpoint URL、--lang en|zh`,
	'cli.help.resume': `ecs-sg resume：完成或删除一次中断的创建

用法
  ecs-sg resume [--delete] [--yes] [--json]

中途停止的创建（网络中断、Ctrl+C、规则被拒绝）会记录在设置中。resume 显示
云上已有的内容，并用同一个 ClientToken 完成它，因此绝不会创建第二个安全组；
--delete 则将其删除。

参数
  --delete                     删除安全组，而不是完成创建
  --yes                        不再确认，直接执行
  --json                       在标准输出上只打印一个 JSON 对象（错误也是）

示例
  ecs-sg resume
  ecs-sg resume --delete --yes

全局参数：--profile NAME、--endpoint URL、--sandbox、--lang en|zh`,
	'cli.help.sandbox': `ecs-sg sandbox：在前台运行本地的阿里云模拟服务

用法
  ecs-sg sandbox [--port N] [--state FILE] [--latency MS] [--fault SPEC ...]

它只在 127.0.0.1 上应答 ecs-sg 发出的 ECS 和 VPC 调用（签名方式与真实 API
相同），并打印其地址和密钥。另一个 ecs-sg 可用 --endpoint 和这些密钥连接它；
--sandbox 则在进程内启动一个。

选项
  --port N                     监听 127.0.0.1 的端口（0 表示自动选择；默认 0）
  --state FILE                 可在重启后保留的 JSON 状态文件
  --latency MS                 每个响应延迟的毫秒数
  --fault ACTION:KIND[:COUNT]  让接下来 COUNT 次 ACTION 调用以 KIND 方式失败，
                               可重复：throttle、unavailable、internal、
                               reset、hang、lose
  --sts-ttl SECONDS            STS 临时密钥的有效秒数（测试用）
  --metadata-port N            同时提供实例元数据服务替身

示例
  ecs-sg sandbox --port 8080 --state sandbox.json
  ecs-sg sandbox --latency 100 --fault AuthorizeSecurityGroup:throttle:2`,
	'cli.help.runAs': '在此处请这样运行：{command} …',
	'cli.error.helpTopic':
		'没有“{topic}”的帮助。可用命令：create、configure、sandbox、resume、rules、instances。',
	'cli.error.helpTopicNear': '没有“{topic}”的帮助；是否想查看“{near}”？',
	'cli.error.regionNear': 'ECS 不认识地域“{region}”；是否想用 {near}？',
	'cli.error.regionList': 'ECS 不认识地域“{region}”；可用的地域有：{list}。',
	'cli.error.wizardNeedsStdout':
		'向导需要标准输出是终端，而标准输出现在是管道或文件；请给出以下参数，不经向导直接创建：',
	'cli.error.screensNeedStdout':
		'{command} 需要在屏幕上提问，因此标准输出必须是终端，而标准输出现在是管道或文件（未做任何更改）。',
	'cli.terminal.rules':
		'不使用终端时请用参数：{command} list --group ID，或 {command} add|remove --group ID --rule PROTO:PORTS:CIDR --yes。',
	'cli.terminal.instances':
		'不使用终端时请用参数：{command} list --group ID，或 {command} add|remove --group ID --instance ID --yes。',
	'cli.terminal.groups': '不使用终端时请用参数：{command} delete --group ID --yes。',
	'cli.error.prefix': '错误：{message}',
	'cli.error.unknownCommand':
		'未知命令“{command}”。可用命令：create、configure、sandbox、resume、rules、instances。',
	'cli.error.unknownFlag': '未知参数 {flag}。',
	'cli.error.unknownFlagNear': '未知参数 {flag}；是否想用 {near}？',
	'cli.error.unknownCommandNear':
		'未知命令“{command}”；是否想用“{near}”？可用命令：create、configure、sandbox、resume、rules、instances。',
	'cli.error.flagNotForCommand': '参数 {flag} 不适用于“ecs-sg {command}”；它属于 {owners}。',
	'cli.error.missingValue': '参数 {flag} 需要一个值，例如 {example}。',
	'cli.error.unexpectedValue': '参数 {flag} 不接受值。',
	'cli.error.badLang': '参数 --lang 只接受“en”或“zh”，而不是“{value}”。',
	'cli.error.repeated': '参数 {flag} 出现了多次；请只给一次。',
	'cli.hint.help': '运行“ecs-sg --help”查看所有命令和参数。',
	'cli.stopped': '已被 {signal} 停止。',
	'cli.note.dumbTerminal':
		'提示：此终端（TERM=dumb）无法重绘界面，因此 ecs-sg 不会提问：请用参数给出答案（见 ecs-sg --help）。',
	'cli.prompt.navigate': '移动',
	'cli.prompt.select': '选择',
	'cli.prompt.reveal': '显示或隐藏',
	'cli.prompt.masked': '[输入内容已隐藏]',
	'cli.prompt.yes': '是',
	'cli.prompt.no': '否',
	'cli.prompt.yesOrNo': '请输入 y（是）或 n（否）。',
	'cli.error.unexpected': 'ecs-sg 内部出错：{message}。没有做其他更改。请连同你运行的命令一起报告此问题。',
} as const;
