/**
 * Why a request was refused. `code` is the coarse, stable category programs branch on (it sets the HTTP
 * status); `reason` names the exact refusal, and the web app words it in the reader's language from its
 * own table. The Chinese message here is for API clients and logs, filled from the same parameters.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 412,
  version_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_document: 422,
  unprocessable_request: 422,
  too_many_attempts: 429,
  // Refused by Node's HTTP parser before any route: the request took too long, or its headers were too large
  request_timeout: 408,
  headers_too_large: 431,
  internal_error: 500,
  // Bulletins (通报): the PDF converter is missing or did not answer in time
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

interface ReasonSpec {
  code: ErrorCode;
  /** Chinese message; `{name}` is replaced by the parameter of that name. */
  zh: string;
}

export const REASONS = {
  // Sessions and requests
  'auth.required': { code: 'unauthenticated', zh: '请先登录' },
  'auth.invalid_credentials': { code: 'invalid_credentials', zh: '用户名或密码错误' },
  'auth.too_many_attempts': { code: 'too_many_attempts', zh: '登录失败次数过多，请{minutes}分钟后再试' },
  'request.invalid': { code: 'validation_failed', zh: '提交的内容格式有误：{where}' },
  'request.too_large': { code: 'payload_too_large', zh: '提交的内容过大' },
  'request.unsupported_media_type': { code: 'unsupported_media_type', zh: '不支持的内容类型' },
  'request.no_route': { code: 'not_found', zh: '接口不存在' },
  'request.cross_origin': {
    code: 'forbidden',
    zh: '拒绝来自其他网页（{from}）的修改请求，请在本系统页面中操作',
  },
  'request.failed': { code: 'internal_error', zh: '服务器内部错误，请稍后再试' },
  'request.malformed': {
    code: 'validation_failed',
    zh: '请求格式有误，无法识别，请刷新页面后重试',
  },
  'request.timeout': { code: 'request_timeout', zh: '请求未能及时送达，请检查网络后重试' },
  'request.headers_too_large': {
    code: 'headers_too_large',
    zh: '请求头过大，请清除本站的 Cookie 后重新登录',
  },
  'version.required': { code: 'version_required', zh: '缺少 If-Match 版本号，请刷新后重试' },
  'version.malformed': { code: 'validation_failed', zh: 'If-Match 版本号格式有误' },
  'version.stale': { code: 'stale_version', zh: '数据已被他人修改，请查看最新内容后重新提交' },
  'idempotency.key_reused': { code: 'conflict', zh: '该 Idempotency-Key 已用于其他请求' },
  'idempotency.payload_mismatch': {
    code: 'unprocessable_request',
    zh: '该 Idempotency-Key 已用于内容不同的请求，请为新的请求使用新的 Key',
  },
  // Access
  'access.forbidden': { code: 'forbidden', zh: '无权执行此操作' },
  'access.other_region': { code: 'forbidden', zh: '无权访问其他地区的数据' },
  'access.not_own_unit_task': { code: 'forbidden', zh: '该任务不属于本单位' },
  'access.units_only': { code: 'forbidden', zh: '只有承办单位可以报送进展' },
  'access.own_unit_report': { code: 'forbidden', zh: '只能处理本单位的报送' },
  'access.own_unit_report_edit': { code: 'forbidden', zh: '只能修改本单位的报送' },
  'access.own_unit_evidence': { code: 'forbidden', zh: '只能为本单位的报送上传材料' },
  'access.lead_unit_or_office': { code: 'forbidden', zh: '只有牵头单位或改革办可以编辑路线图' },
  'access.no_admin_in_region': { code: 'forbidden', zh: '不能在地区内创建系统管理员' },
  // Not found, by resource
  'region.not_found': { code: 'not_found', zh: '未找到地区' },
  'unit.not_found': { code: 'not_found', zh: '未找到单位' },
  'account.not_found': { code: 'not_found', zh: '未找到账号' },
  'plan.not_found': { code: 'not_found', zh: '未找到计划' },
  'area.not_found': { code: 'not_found', zh: '未找到方面' },
  'target.not_found': { code: 'not_found', zh: '未找到指标' },
  'task.not_found': { code: 'not_found', zh: '未找到任务' },
  'milestone.not_found': { code: 'not_found', zh: '未找到节点' },
  'milestone.done_in_future': { code: 'validation_failed', zh: '完成日期不能晚于今天（{today}）' },
  'report.not_found': { code: 'not_found', zh: '未找到进展报送' },
  'file.not_found': { code: 'not_found', zh: '未找到文件' },
  'notice.not_found': { code: 'not_found', zh: '未找到督办通知' },
  // Rules of each resource
  'unit.name_taken': { code: 'conflict', zh: '同名单位已存在' },
  'unit.unknown': { code: 'validation_failed', zh: '单位不存在或不属于本地区' },
  'unit.inactive': { code: 'validation_failed', zh: '{name}已停用，不能再承担任务' },
  'account.username_taken': { code: 'conflict', zh: '用户名已被使用' },
  'account.unit_required': { code: 'validation_failed', zh: '单位账号必须指定所属单位' },
  'password.too_short': { code: 'validation_failed', zh: '密码至少需要{min}个字符' },
  'password.too_common': { code: 'validation_failed', zh: '密码过于常见或包含用户名，容易被猜到，请换一个' },
  'password.wrong_current': { code: 'validation_failed', zh: '当前密码不正确' },
  'plan.period_reversed': { code: 'validation_failed', zh: '计划起止日期有误' },
  'plan.already_published': { code: 'conflict', zh: '计划已发布' },
  'plan.no_tasks': { code: 'conflict', zh: '计划中还没有任务，不能发布' },
  'area.unknown': { code: 'validation_failed', zh: '所属方面不存在' },
  'task.unknown': { code: 'validation_failed', zh: '所属任务不存在' },
  'task.unknown_parent': { code: 'validation_failed', zh: '上级任务不存在' },
  'task.parent_cycle': { code: 'validation_failed', zh: '上级任务不能是任务本身或其下级任务' },
  'task.start_after_due': { code: 'validation_failed', zh: '开始日期不能晚于完成时限' },
  'task.ongoing_with_due': { code: 'validation_failed', zh: '长期坚持的任务不设完成时限' },
  'task.no_lead_unit': { code: 'conflict', zh: '任务尚未确定牵头单位，无法督办' },
  'period.malformed': { code: 'validation_failed', zh: '报送期次格式应为 2025-03 或 2025-Q1' },
  'period.wrong_cadence': { code: 'validation_failed', zh: '期次{period}与计划的报送周期（按月或按季）不符' },
  'period.outside_plan': { code: 'validation_failed', zh: '期次{period}不在计划的起止期间内' },
  'period.before_publication': { code: 'validation_failed', zh: '期次{period}早于任务下达，无需报送' },
  'period.not_started': { code: 'validation_failed', zh: '期次{period}尚未开始，不能提前报送' },
  'period.closed': { code: 'conflict', zh: '期次{period}已截止，补报须由改革办开放' },
  'measurement.period_malformed': { code: 'validation_failed', zh: '期次格式应为 2025、2025-Q1 或 2025-03' },
  'report.exists_for_period': { code: 'conflict', zh: '本期已有进展报送，请修改原报送' },
  'report.not_editable': { code: 'conflict', zh: '已提交的报送不能修改' },
  'report.transition_not_allowed': { code: 'conflict', zh: '当前状态不能执行此操作' },
  'report.reason_required': { code: 'validation_failed', zh: '请填写退回理由' },
  'notice.closed': { code: 'conflict', zh: '通知已办结' },
  'deadline.both': { code: 'validation_failed', zh: '办理期限请填写日期或工作日数，不要同时填写' },
  'deadline.in_past': { code: 'validation_failed', zh: '办理期限不能早于今天' },
  'instruction.not_found': { code: 'not_found', zh: '未找到批示' },
  'instruction.addressee_not_on_task': {
    code: 'validation_failed',
    zh: '批示只能交给该任务的牵头单位或配合单位',
  },
  'instruction.no_addressee': { code: 'conflict', zh: '任务尚未确定牵头单位，请指定承办单位' },
  'instruction.replied': { code: 'conflict', zh: '该批示已回复' },
  'calendar.invalid': { code: 'validation_failed', zh: '节假日安排有误：{problems}' },
  // Assessment (考核)
  'assessment.scheme_not_found': { code: 'not_found', zh: '未找到考核方案' },
  'assessment.indicator_not_found': { code: 'not_found', zh: '未找到考核指标' },
  'assessment.round_not_found': { code: 'not_found', zh: '未找到考核' },
  'assessment.sheet_not_found': { code: 'not_found', zh: '未找到该单位的考核评分' },
  'assessment.results_hidden': { code: 'forbidden', zh: '成绩公示前不能查看各单位得分表' },
  'assessment.adjustment_not_found': { code: 'not_found', zh: '未找到加减分事项' },
  'assessment.objection_not_found': { code: 'not_found', zh: '未找到异议' },
  'assessment.scheme_locked': { code: 'conflict', zh: '该方案已有定等次的考核结果，不能再修改' },
  'assessment.locked': { code: 'conflict', zh: '考核结果已定等次，只能通过更正修改' },
  'assessment.not_locked': { code: 'conflict', zh: '考核尚未定等次，请直接修改评分，无须更正' },
  'assessment.stage_closed': { code: 'conflict', zh: '当前阶段不能填写该栏评分' },
  'assessment.unknown_indicator': {
    code: 'validation_failed',
    zh: '指标不存在或不属于本方案：{indicatorId}',
  },
  'assessment.not_applicable': { code: 'validation_failed', zh: '指标{code}不考核该单位' },
  'assessment.automatic': { code: 'validation_failed', zh: '指标{code}由台账自动计分，不能手工填写' },
  'assessment.score_above_cap': { code: 'validation_failed', zh: '指标{code}得分不能超过上限{cap}分' },
  'assessment.score_negative': { code: 'validation_failed', zh: '指标{code}得分不能为负数' },
  'assessment.basis_required': { code: 'validation_failed', zh: '指标{code}须写明评分依据' },
  'assessment.round_exists': { code: 'conflict', zh: '{period}已开展考核' },
  'assessment.period_quarter': { code: 'validation_failed', zh: '考核期次应为季度，如 2026-Q1' },
  'assessment.code_taken': { code: 'conflict', zh: '指标编号{code}已存在' },
  'assessment.unknown_group': { code: 'validation_failed', zh: '考核对象分组{group}不存在' },
  'assessment.unknown_veto': { code: 'validation_failed', zh: '该一票否决事项不在方案的清单中' },
  'assessment.unit_not_assessed': { code: 'validation_failed', zh: '该单位不在本次考核对象中' },
  'assessment.adjustments_closed': { code: 'conflict', zh: '公示开始后不能再录入或审核加减分事项' },
  'assessment.adjustment_decided': { code: 'conflict', zh: '该加减分事项已审核' },
  'assessment.objections_closed': { code: 'conflict', zh: '只能在公示期内提出异议' },
  'assessment.objection_replied': { code: 'conflict', zh: '该异议已答复' },
  'assessment.objections_open': { code: 'conflict', zh: '还有{count}条异议未答复，不能定等次' },
  // Files
  'upload.multipart_required': { code: 'unsupported_media_type', zh: '请以 multipart/form-data 上传文件' },
  'upload.no_file': { code: 'validation_failed', zh: '未收到文件' },
  'upload.empty': { code: 'validation_failed', zh: '文件为空' },
  'upload.too_large': { code: 'payload_too_large', zh: '文件超过{maxMb}MB' },
  'evidence.submitted': { code: 'conflict', zh: '报送已提交，不能再上传材料' },
  'evidence.unsupported_type': {
    code: 'unsupported_media_type',
    zh: '仅支持PDF、图片、Word、Excel和文本文件',
  },
  'import.unsupported_type': {
    code: 'unsupported_media_type',
    zh: '仅支持 .docx、.txt、.html 格式的计划文件',
  },
  'import.text_or_file_required': { code: 'validation_failed', zh: '请上传文件或粘贴文本' },
  'document.empty': { code: 'unprocessable_document', zh: '文件为空' },
  'document.binary': { code: 'unprocessable_document', zh: '文件不是文本' },
  'document.not_chinese_prose': { code: 'unprocessable_document', zh: '文件不是中文文稿' },
  'document.unsupported_format': { code: 'unsupported_media_type', zh: '不支持的文件格式' },
  'document.unreadable': { code: 'unprocessable_document', zh: '文件无法读取，可能已损坏' },
  'document.too_large_uncompressed': { code: 'payload_too_large', zh: '文件解压后过大' },
  'document.text_too_long': { code: 'payload_too_large', zh: '文件文字过长' },
  // Directives and meetings (issue 11 §3–4)
  'meeting.not_found': { code: 'not_found', zh: '未找到会议' },
  'meeting.in_future': { code: 'validation_failed', zh: '会议日期不能晚于今天' },
  'decision.not_found': { code: 'not_found', zh: '未找到确定事项' },
  'decision.assigned': { code: 'conflict', zh: '该确定事项已转为交办事项或任务' },
  'directive.not_found': { code: 'not_found', zh: '未找到交办事项' },
  'directive.deadline_before_assigned': { code: 'validation_failed', zh: '办结时限不能早于交办日期' },
  'directive.lead_also_co': { code: 'validation_failed', zh: '牵头单位不能同时作为配合单位' },
  'directive.instruction_taken': { code: 'conflict', zh: '该批示已转为交办事项' },
  'directive.answered': { code: 'conflict', zh: '该节点已反馈，不能重复反馈' },
  'directive.done': { code: 'conflict', zh: '该事项已见效办结，无需延期' },
  'extension.not_found': { code: 'not_found', zh: '未找到延期申请' },
  'extension.pending': { code: 'conflict', zh: '已有待审核的延期申请' },
  'extension.decided': { code: 'conflict', zh: '该延期申请已审核' },
  'extension.not_later': { code: 'validation_failed', zh: '延期后的日期应晚于现在的见效期限（{due}）' },
  'extension.in_past': { code: 'validation_failed', zh: '延期后的日期不能早于今天' },
  // Indicators and key projects (issue 11)
  'target.unknown_unit': { code: 'validation_failed', zh: '责任单位不存在或不属于本地区' },
  'measurement.unit_mismatch': { code: 'validation_failed', zh: '指标单位为{unit}，请按该单位填报' },
  'measurement.period_future': { code: 'validation_failed', zh: '期次{period}尚未到来，不能提前填报' },
  'measurement.wrong_cadence': { code: 'validation_failed', zh: '期次{period}与指标的填报周期不符' },
  'measurement.confirmed': { code: 'conflict', zh: '期次{period}的数值已由改革办确认，不能再修改' },
  'measurement.not_reported': { code: 'conflict', zh: '期次{period}尚无责任单位填报的数值' },
  'project.not_found': { code: 'not_found', zh: '未找到项目' },
  'project.unknown_parent': { code: 'validation_failed', zh: '上级项目不存在' },
  'project.unknown_unit': { code: 'validation_failed', zh: '牵头单位不存在或不属于本地区' },
  'project.stage_unchanged': { code: 'validation_failed', zh: '项目已处于该阶段' },
  'project.stage_reason_required': { code: 'validation_failed', zh: '项目阶段回退须说明原因' },
  'project.date_future': { code: 'validation_failed', zh: '日期不能晚于今天' },
  'project.month_malformed': { code: 'validation_failed', zh: '月份格式应为 2026-03' },
  'project.month_future': { code: 'validation_failed', zh: '{month}尚未到来，不能提前报送' },
  'project.investment_negative': { code: 'validation_failed', zh: '投资额不能为负数' },
  'project.report_confirmed': { code: 'conflict', zh: '{month}的月报已确认，不能修改' },
  'project.report_not_found': { code: 'not_found', zh: '未找到项目月报' },
  'project.milestone_not_found': { code: 'not_found', zh: '未找到项目节点' },
  'project.problem_not_found': { code: 'not_found', zh: '未找到项目问题' },
  'project.photo_unsupported_type': {
    code: 'unsupported_media_type',
    zh: '形象进度照片仅支持JPG、PNG、WebP图片',
  },
  'project.photos_full': { code: 'conflict', zh: '每月最多上传{max}张照片' },
  // A region's settings (issue 11): the project report's due day, the stages' names, the directives' checkpoints
  'settings.due_day_out_of_range': { code: 'validation_failed', zh: '月报截止日应为每月1日至31日' },
  'settings.stage_label_blank': { code: 'validation_failed', zh: '阶段名称不能为空' },
  'settings.stage_label_too_long': { code: 'validation_failed', zh: '阶段名称不能超过{max}个字' },
  'settings.stage_labels_repeat': { code: 'validation_failed', zh: '各阶段名称不能重复' },
  'settings.directive_days_out_of_range': {
    code: 'validation_failed',
    zh: '节点天数应为0至{max}天',
  },
  'settings.directive_days_out_of_order': {
    code: 'validation_failed',
    zh: '节点天数应依次为部署 ≤ 行动 ≤ 见效',
  },
  // Accountability, fault tolerance and the experience library (issue 10 §2–3)
  'accountability.not_found': { code: 'not_found', zh: '未找到问责记录' },
  'accountability.link_unknown': {
    code: 'validation_failed',
    zh: '关联的任务或督办通知不存在或不属于本地区',
  },
  'tolerance.not_found': { code: 'not_found', zh: '未找到容错申请' },
  'tolerance.decided': { code: 'conflict', zh: '该容错申请已作出决定' },
  'tolerance.duplicate': { code: 'conflict', zh: '该事项已有容错申请（一事一议），请查看原申请' },
  'tolerance.source_unknown': { code: 'validation_failed', zh: '申请容错的事项不存在或不属于本单位' },
  'experience.not_found': { code: 'not_found', zh: '未找到经验' },
  'experience.not_in_hand': { code: 'conflict', zh: '经验已采纳，不能再修改' },
  'experience.decided': { code: 'conflict', zh: '该经验已作出决定' },
  'experience.own_region': { code: 'conflict', zh: '本地区的经验无需登记借鉴' },
  'experience.already_adopted': { code: 'conflict', zh: '该任务已登记借鉴此经验' },
  'attachment.not_found': { code: 'not_found', zh: '未找到附件' },
  'attachment.closed': { code: 'conflict', zh: '已作出决定，不能再上传材料' },
  // Excel 台账 import and export
  'xlsx.not_xlsx': { code: 'unsupported_media_type', zh: '仅支持 .xlsx 格式的Excel文件' },
  'xlsx.encrypted': { code: 'unprocessable_document', zh: '工作簿设有打开密码，请取消密码后再导入' },
  'xlsx.too_large_uncompressed': { code: 'payload_too_large', zh: '文件解压后过大' },
  'xlsx.too_many_rows': { code: 'payload_too_large', zh: '工作表“{sheet}”有{rows}行，超过{max}行的上限' },
  'xlsx.unreadable': { code: 'unprocessable_document', zh: '文件无法读取，可能已损坏' },
  'xlsx.header_not_found': { code: 'unprocessable_document', zh: '未找到表头，应包含以下列：{columns}' },
  'xlsx.has_errors': { code: 'unprocessable_document', zh: '表格有{count}处错误，请改正后再导入' },
  'xlsx.period_missing': { code: 'unprocessable_document', zh: '未找到报送期间，请使用系统导出的报送表' },
  // Bulletins (通报)
  'bulletin.not_found': { code: 'not_found', zh: '未找到通报' },
  'bulletin.no_data': { code: 'unprocessable_request', zh: '{period}没有可通报的任务数据，请选择其他期次' },
  'bulletin.period_not_started': { code: 'validation_failed', zh: '{period}尚未开始，不能生成通报' },
  'bulletin.period_not_quarter': { code: 'validation_failed', zh: '通报期次应为季度，如 2026-Q2' },
  'bulletin.number_taken': { code: 'conflict', zh: '文号{number}已被使用，不能重复' },
  'bulletin.number_gap': { code: 'conflict', zh: '文号须连续编号，本年下一个文号为{next}号' },
  'bulletin.published': { code: 'conflict', zh: '通报已印发，不能再修改' },
  'bulletin.not_received': { code: 'forbidden', zh: '本单位未收到该通报，无需阅知' },
  'bulletin.unknown_section': { code: 'validation_failed', zh: '通报没有“{section}”这一部分' },
  'pdf.converter_missing': {
    code: 'service_unavailable',
    zh: '服务器未安装 LibreOffice，暂不能生成 PDF，请下载 Word 版',
  },
  'pdf.converter_timeout': {
    code: 'service_unavailable',
    zh: 'PDF 生成超时（{seconds}秒），请稍后重试或下载 Word 版',
  },
  'pdf.converter_failed': { code: 'service_unavailable', zh: 'PDF 生成失败，请稍后重试或下载 Word 版' },
} as const satisfies Record<string, ReasonSpec>;

export type Reason = keyof typeof REASONS;
export type ErrorParams = Readonly<Record<string, string | number>>;

function render(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: Reason;
  readonly params: ErrorParams;
  readonly details: unknown;

  constructor(reason: Reason, params: ErrorParams = {}, details?: unknown) {
    const spec: ReasonSpec = REASONS[reason];
    super(render(spec.zh, params));
    this.name = 'AppError';
    this.code = spec.code;
    this.reason = reason;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The one way services and routes refuse: a reason from the table above, with its parameters. */
export function fail(reason: Reason, params?: ErrorParams, details?: unknown): AppError {
  return new AppError(reason, params, details);
}

/** Thrown when an update names a version other than the stored one; carries the current resource for the client. */
export class StaleVersionError extends AppError {
  readonly current: unknown;

  constructor(current: unknown) {
    super('version.stale', {}, { current });
    this.current = current;
  }
}
