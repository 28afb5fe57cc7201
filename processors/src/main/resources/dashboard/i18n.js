// Words, numbers and times of the operators' page in Chinese and English. The catalog gives items' titles in both
// languages; indicator titles, domains, teams and units exist in English only there, so their Chinese names are
// kept here, by code. Times are shown in the cities' time zone, whatever the browser's.

export const LANGUAGES = ["zh", "en"];
const STORAGE_KEY = "hbew.language";
const LOCALES = { zh: "zh-CN", en: "en-GB" };
export const TIME_ZONE = "Asia/Shanghai";

let language = "en";

/** The language remembered in this browser, else the browser's own (Chinese if it prefers Chinese). */
export function initialLanguage() {
  let stored = null;
  try { stored = localStorage.getItem(STORAGE_KEY); } catch (e) { stored = null; }
  if (LANGUAGES.includes(stored)) return stored;
  return (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function setLanguage(lang, remember) {
  language = LANGUAGES.includes(lang) ? lang : "en";
  document.documentElement.lang = LOCALES[language];
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, language); } catch (e) { /* private mode: not remembered */ }
  }
}

export function currentLanguage() {
  return language;
}

const TEXT = {
  title: { en: "Hohhot–Baotou–Ordos–Ulanqab cooperation agreement", zh: "呼包鄂乌协同发展重点事项" },
  subtitle: {
    en: "Status of the 22 items of the 2020–2021 agreement in each city. Targets and cadences are illustrative defaults that operators change at run time.",
    zh: "2020–2021 年合作协议 22 个重点事项在四市的进展。目标值和上报周期为示例默认值，可由运维人员在运行时调整。"
  },
  languageSwitch: { en: "Language", zh: "语言" },
  skipToContent: { en: "Skip to the content", zh: "跳到正文" },
  loading: { en: "Loading…", zh: "加载中…" },
  summary: { en: "Summary", zh: "概况" },
  itemsByCity: { en: "Items by city", zh: "各市重点事项" },
  gridCaption: {
    en: "Each cell shows the worst status of the item's indicators in that city (lagging before stale before on track before no data) and how long a problem has lasted. Open an item for its history; arrow keys move between cells.",
    zh: "每格显示该事项在该市各指标中最差的状态（滞后 > 停报 > 正常 > 无数据），以及问题已持续多久。点击事项查看历史；方向键可在格间移动。"
  },
  item: { en: "Item", zh: "事项" },
  overall: { en: "Overall", zh: "总体" },
  needsAttention: { en: "Only items needing attention", zh: "只看需关注的事项" },
  attentionCount: { en: (n) => `${n} of 22 items need attention`, zh: (n) => `22 个事项中 ${n} 个需关注` },
  nothingNeedsAttention: { en: "No item needs attention: nothing is lagging or stale.", zh: "没有需关注的事项：无滞后、无停报。" },
  indicators: { en: (n) => `${n} indicator${n === 1 ? "" : "s"}`, zh: (n) => `${n} 项指标` },
  cells: { en: (n) => `${n} cell${n === 1 ? "" : "s"}`, zh: (n) => `${n} 格` },
  silentCities: { en: "Silent cities", zh: "停报城市" },
  noSilentCity: { en: (d) => `None: every city reported within ${d}.`, zh: (d) => `无：四市均在 ${d} 内有上报。` },
  lastEvent: { en: "Last event", zh: "最近上报" },
  never: { en: "never", zh: "从未" },
  silent: { en: "silent", zh: "停报" },
  flowsTitle: { en: "Cross-city flows", zh: "跨市业务流向" },
  flowsWindow: {
    en: (w, from, to) => `Window ${w} from ${from} to ${to}. Rows are where a flow starts, columns where it goes.`,
    zh: (w, from, to) => `统计窗口 ${w}：${from} 至 ${to}。行为流出城市，列为流入城市。`
  },
  fromTo: { en: "From ↓ / to →", zh: "流出 ↓ / 流入 →" },
  sameCity: { en: "same city", zh: "同一城市" },
  cny: { en: "CNY", zh: "元" },
  events: { en: (n) => `${n} event${n === 1 ? "" : "s"}`, zh: (n) => `${n} 笔` },
  completed: { en: (n) => `${n} completed`, zh: (n) => `完成 ${n}` },
  flowTotals: { en: (e, c) => `${e} events, ${c} completed`, zh: (e, c) => `共 ${e} 笔，完成 ${c} 笔` },
  allItems: { en: "All items", zh: "全部事项" },
  domain: { en: "Domain", zh: "领域" },
  team: { en: "Owning team", zh: "责任部门" },
  windowChoice: { en: "Chart windows", zh: "图表时间粒度" },
  hourly: { en: "1 h windows, last 2 days", zh: "按小时，近 2 天" },
  daily: { en: "1 d windows, last 30 days", zh: "按天，近 30 天" },
  citiesNow: { en: "Where each city stands", zh: "各市当前状态" },
  city: { en: "City", zh: "城市" },
  region: { en: "Region (four cities)", zh: "四市合计" },
  target: { en: "Target", zh: "目标" },
  cityTarget: { en: "Target per city", zh: "单市目标" },
  regionTarget: { en: "Regional target", zh: "四市目标" },
  noTarget: { en: "no target", zh: "无目标" },
  cities: { en: "Cities", zh: "各市" },
  windowStart: { en: "Window from", zh: "窗口起始" },
  showTable: { en: "Figures as a table", zh: "以表格查看数据" },
  chartLabel: {
    en: (title, w) => `${title}: each city and the region per ${w} window, against the target`,
    zh: (title, w) => `${title}：各市及四市合计（每 ${w}）与目标对比`
  },
  noFigures: { en: "No figures in this range yet.", zh: "此时间段内暂无数据。" },
  flowMatrix: { en: "Origin → destination in the current window", zh: "当前窗口的流出 → 流入矩阵" },
  sinceAt: { en: (t, d) => `since ${t} (${d})`, zh: (t, d) => `自 ${t} 起（${d}）` },
  perWindow: { en: (w) => `per ${w}`, zh: (w) => `每${w}` },
  atLeast: { en: "at least", zh: "不低于" },
  atMost: { en: "at most", zh: "不高于" },
  times: { en: "Times are China Standard Time (UTC+8).", zh: "时间为北京时间（UTC+8）。" },
  chartsBy: { en: "Charts drawn with uPlot", zh: "图表由 uPlot 绘制" },
  licence: { en: "MIT licence", zh: "MIT 许可证" },
  connLive: { en: (t, s) => `Live · updated ${t} · refreshed every ${s} s`, zh: (t, s) => `实时 · 更新于 ${t} · 每 ${s} 秒刷新` },
  connStandby: {
    en: "Some figures come from a standby copy while the processors rebalance; they may be a little behind.",
    zh: "处理节点正在重新分配任务，部分数据来自备用副本，可能略有滞后。"
  },
  connRebalancing: {
    en: (t) => `The processors are rebalancing and cannot answer for now; retrying by itself. The figures shown are from ${t}.`,
    zh: (t) => `处理节点正在重新分配任务，暂时无法应答，页面会自动重试。当前显示的是 ${t} 的数据。`
  },
  connUnreachable: {
    en: (t, since) => `Cannot reach the processors' API since ${since}; retrying by itself. The figures shown are from ${t}.`,
    zh: (t, since) => `自 ${since} 起无法连接处理节点 API，页面会自动重试。当前显示的是 ${t} 的数据。`
  },
  connError: { en: (m) => `The API refused the request: ${m}`, zh: (m) => `API 拒绝了请求：${m}` },
  connOld: { en: (d) => `Figures are ${d} old.`, zh: (d) => `数据已 ${d} 未更新。` },
  nothingYet: { en: "nothing yet", zh: "尚无数据" },
  unknownItem: { en: (n) => `There is no item ${n} in the agreement.`, zh: (n) => `协议中没有第 ${n} 项。` }
};

const STATUS = {
  ON_TRACK: { en: "On track", zh: "正常", symbol: "✓" },
  LAGGING: { en: "Lagging", zh: "滞后", symbol: "▼" },
  STALE: { en: "Stale", zh: "停报", symbol: "◷" },
  NO_DATA: { en: "No data", zh: "无数据", symbol: "–" }
};

const STATUS_MEANING = {
  ON_TRACK: { en: "reporting and meeting its target", zh: "按时上报且达到目标" },
  LAGGING: { en: "worse than its target in the current window", zh: "当前窗口未达目标" },
  STALE: { en: "silent for longer than its reporting cadence", zh: "超过上报周期未上报" },
  NO_DATA: { en: "never reported", zh: "从未上报" }
};

export const STATUSES = ["LAGGING", "STALE", "ON_TRACK", "NO_DATA"];

const DOMAINS = {
  governance: "协同治理", transport: "交通", digital: "数字化", industry: "产业", energy: "能源", tourism: "文化旅游",
  education: "教育", employment: "就业", "health insurance": "医疗保障", "social security": "社会保障",
  emergency: "应急管理"
};

const TEAMS = {
  "coordination-office": "四市协同发展办公室", transport: "交通运输部门", digital: "大数据和智慧城市部门",
  industry: "工业和商务部门", energy: "能源部门", tourism: "文化和旅游部门", education: "教育部门",
  "human-resources": "人力资源和就业部门", "health-insurance": "医疗保障局", "social-security": "社会保险（养老）经办机构",
  emergency: "应急管理指挥中心"
};

const INDICATORS = {
  zone_milestones: "示范区里程碑", joint_projects_signed: "签约合作项目", road_link_progress: "各断头路施工进度",
  road_km_opened: "通车里程", expressway_investment: "完成投资", expressway_progress: "施工进度",
  hsr_prelim_milestones: "高铁前期工作里程碑", crossborder_progress: "跨境公路铁路进度", shared_data_services: "上线共享数据服务",
  online_service_transactions: "跨市网上办事量", trademark_milestones: "商标注册里程碑", regional_sales: "区域农产品销售额",
  produce_shipped: "农产品外运量", chain_projects_signed: "产业链签约项目", chain_investment: "产业链投资",
  raw_milk_output: "生鲜乳产量", dairy_project_progress: "乳业项目进度", technology_contracts: "技术合同成交额",
  renewable_capacity: "可再生能源装机", clean_energy_delivered: "清洁能源外送电量", uhv_planning_milestones: "特高压规划里程碑",
  joint_route_visitors: "精品线路游客", routes_launched: "推出精品线路", school_pairs: "结对帮扶学校",
  edu_cloud_active_users: "教育云活跃用户", online_lessons: "线上课程", credits_recognised: "互认学分",
  training_sessions: "就业培训场次", trainees: "培训人数", trainees_placed: "培训后就业人数",
  settlements: "跨市结算笔数", settlement_amount: "跨市结算金额", direct_settlement_rate: "直接结算率",
  settlement_minutes: "出院至结算用时（p95）", drug_volume_procured: "带量采购药品量", procurement_savings: "采购节约金额",
  transfers_requested: "养老保险转移申请", transfers_completed: "养老保险转移完成", transfer_days: "转移办结用时（p95）",
  transfer_backlog: "待办转移积压", support_requests: "应急支援请求", dispatch_minutes: "调派用时（p95）",
  fulfilled_rate: "请求满足率", experts_enrolled: "入库专家", consultations_held: "咨询会议"
};

const UNITS = {
  count: { en: "", zh: "" }, CNY: { en: "CNY", zh: "元" }, percent: { en: "%", zh: "%" }, km: { en: "km", zh: "公里" },
  t: { en: "t", zh: "吨" }, MW: { en: "MW", zh: "兆瓦" }, MWh: { en: "MWh", zh: "兆瓦时" }, persons: { en: "persons", zh: "人" },
  credits: { en: "credits", zh: "学分" }, units: { en: "units", zh: "单位" }, minutes: { en: "min", zh: "分钟" },
  days: { en: "days", zh: "天" }, ratio: { en: "", zh: "" }
};

const STATISTICS = {
  sum: { en: "sum", zh: "合计" }, count: { en: "count", zh: "计数" }, ratio: { en: "ratio", zh: "比率" },
  latest: { en: "latest", zh: "最新值" }, mean: { en: "mean", zh: "平均值" }, min: { en: "minimum", zh: "最小值" },
  max: { en: "maximum", zh: "最大值" }
};

const WINDOWS = { "1h": { en: "hour", zh: "小时" }, "1d": { en: "day", zh: "天" } };

const FLOWS = {
  "medical.settlement": { en: "Medical settlements", zh: "异地就医结算" },
  "pension.transfer": { en: "Pension transfers", zh: "养老保险转移" },
  "emergency.request": { en: "Emergency support", zh: "应急支援" }
};

/** A label; parameterised labels take their arguments. */
export function t(key, ...args) {
  const entry = TEXT[key];
  if (!entry) return key;
  const text = entry[language];
  return typeof text === "function" ? text(...args) : text;
}

export function statusLabel(status) {
  return STATUS[status][language];
}

export function statusSymbol(status) {
  return STATUS[status].symbol;
}

export function statusMeaning(status) {
  return STATUS_MEANING[status][language];
}

export function domainName(domain) {
  return language === "zh" ? DOMAINS[domain] || domain : domain;
}

export function teamName(team) {
  return language === "zh" ? TEAMS[team.code] || team.name : team.name;
}

export function indicatorTitle(code, englishTitle) {
  return language === "zh" ? INDICATORS[code] || englishTitle : englishTitle;
}

export function itemTitle(item) {
  return language === "zh" ? item.titleZh : item.titleEn;
}

export function cityName(city) {
  return language === "zh" ? city.nameZh : city.nameEn;
}

export function unitName(unit) {
  const names = UNITS[unit];
  return names ? names[language] : unit;
}

/** What a headline value is: "sum", "ratio", "p95" (percentiles are written the same in both languages). */
export function statisticName(statistic) {
  const names = STATISTICS[statistic];
  return names ? names[language] : statistic;
}

export function windowName(window) {
  const names = WINDOWS[window];
  return names ? names[language] : window;
}

export function flowName(flow) {
  const names = FLOWS[flow];
  return names ? names[language] : flow;
}

export function number(value, digits = 2) {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value);
}

/** Short numbers for chart axes: 25,000,000 is "25M" in English and "2500万" in Chinese. */
export function compactNumber(value) {
  return new Intl.NumberFormat(LOCALES[language], { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** A value with its unit, as a person writes it: "0.92", "1,250 t", "3 200 元", "45.5 %". */
export function quantity(value, unit) {
  const name = unitName(unit);
  if (!name) return number(value);
  return unit === "percent" ? `${number(value)} %` : `${number(value)} ${name}`;
}

function parts(date, options) {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, ...options }).format(date);
}

/** "14:05" today, "27 Nov 14:05" on another day (in the cities' time zone). */
export function time(iso) {
  if (!iso) return t("never");
  const date = new Date(iso);
  const sameDay = parts(date, { year: "numeric", month: "numeric", day: "numeric" })
    === parts(new Date(), { year: "numeric", month: "numeric", day: "numeric" });
  const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return sameDay ? parts(date, options) : parts(date, { month: "short", day: "numeric", ...options });
}

export function timeWithSeconds(date) {
  return parts(date, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
}

/** A chart axis label for a window start: the hour, or the day. */
export function axisTime(date, window) {
  return window === "1d" ? parts(date, { month: "numeric", day: "numeric" })
    : parts(date, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

export function dateTime(iso) {
  return parts(new Date(iso), { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** "45 s", "2 h 5 min", "3 d 4 h": the largest unit and the next one, if not zero. */
export function duration(ms) {
  const zh = language === "zh";
  const units = zh ? [["天", 86400], ["小时", 3600], ["分", 60], ["秒", 1]] : [["d", 86400], ["h", 3600], ["min", 60], ["s", 1]];
  let rest = Math.max(0, Math.round(ms / 1000));
  const shown = [];
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (shown.length > 0 || n > 0) shown.push([n, name]);
    if (shown.length === 2) break;
  }
  if (shown.length === 0) shown.push([0, units[units.length - 1][0]]);
  return shown.filter(([n], i) => i === 0 || n > 0).map(([n, name]) => (zh ? `${n}${name}` : `${n} ${name}`))
    .join(zh ? "" : " ");
}

/** ISO-8601 durations of the API, such as PT15M, in words. */
export function isoDuration(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso || "");
  if (!m) return iso;
  const [, d, h, min, s] = m.map(x => Number(x || 0));
  return duration(((d * 24 + h) * 60 + min) * 60000 + s * 1000);
}
