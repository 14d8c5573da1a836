import type { UnitKind } from '../db/schema.js';

export interface DemoUnit {
  slug: string;
  name: string;
  kind: UnitKind;
  /** Words in a task's text that suggest this unit leads it; used when the document names no lead unit. */
  keywords: string[];
}

export interface DemoRegion {
  slug: string;
  name: string;
  kind: string;
  parentCity: string;
  /** How the region is named in documents, to pick which seed belongs to it. */
  aliases: string[];
  leaders: string[];
  units: DemoUnit[];
}

// The 区直单位 most districts have, named as districts name them; each region adds its own towns.
const DEPARTMENTS: DemoUnit[] = [
  {
    slug: 'office',
    name: '区委全面深化改革委员会办公室',
    kind: 'office',
    keywords: ['改革', '督查', '考核'],
  },
  { slug: 'qwb', name: '区委办公室', kind: 'department', keywords: ['督查', '决策', '减负'] },
  { slug: 'zzb', name: '区委组织部', kind: 'department', keywords: ['党建', '干部', '人才', '组织', '作风'] },
  { slug: 'xcb', name: '区委宣传部', kind: 'department', keywords: ['文化', '宣传', '文明', '品牌'] },
  { slug: 'zfw', name: '区委政法委', kind: 'department', keywords: ['治理', '平安', '法治', '综治', '安全'] },
  {
    slug: 'fgj',
    name: '区发展和改革局',
    kind: 'department',
    keywords: ['发展', '投资', '项目', '经济', '营商', '开放', '区域'],
  },
  {
    slug: 'gxj',
    name: '区工业和信息化局',
    kind: 'department',
    keywords: ['工业', '制造', '产业', '企业', '数字', '园区', '技改'],
  },
  { slug: 'kjj', name: '区科学技术局', kind: 'department', keywords: ['科技', '创新', '研发', '高新'] },
  { slug: 'czj', name: '区财政局', kind: 'department', keywords: ['财政', '预算', '资金', '债务', '金融'] },
  {
    slug: 'zrzy',
    name: '区自然资源局',
    kind: 'department',
    keywords: ['土地', '用地', '规划', '自然资源', '整治'],
  },
  {
    slug: 'zjj',
    name: '区住房和城乡建设局',
    kind: 'department',
    keywords: ['城市', '住房', '建设', '更新', '交通', '基础设施'],
  },
  {
    slug: 'nyj',
    name: '区农业农村局',
    kind: 'department',
    keywords: ['农业', '农村', '乡村', '振兴', '百千万', '城乡'],
  },
  { slug: 'swj', name: '区商务局', kind: 'department', keywords: ['商务', '消费', '外贸', '招商', '商贸'] },
  { slug: 'jyj', name: '区教育局', kind: 'department', keywords: ['教育', '学校', '学位', '教师'] },
  {
    slug: 'wjj',
    name: '区卫生健康局',
    kind: 'department',
    keywords: ['医疗', '卫生', '健康', '医院', '养老'],
  },
  {
    slug: 'rsj',
    name: '区人力资源和社会保障局',
    kind: 'department',
    keywords: ['就业', '社保', '人力', '技能'],
  },
  {
    slug: 'sthj',
    name: '区生态环境分局',
    kind: 'department',
    keywords: ['生态', '环境', '污染', '绿色', '低碳', '碳'],
  },
  {
    slug: 'zsj',
    name: '区政务服务数据管理局',
    kind: 'department',
    keywords: ['政务', '数据', '数字政府', '一网', '智慧'],
  },
  { slug: 'scjg', name: '区市场监督管理局', kind: 'department', keywords: ['市场', '监管', '质量', '主体'] },
  { slug: 'gzj', name: '区国有资产监督管理局', kind: 'department', keywords: ['国资', '国企', '国有'] },
  { slug: 'mzj', name: '区民政局', kind: 'department', keywords: ['民政', '社区', '长者', '议事'] },
  { slug: 'sfj', name: '区司法局', kind: 'department', keywords: ['司法', '法律服务', '解纷', '调解'] },
  { slug: 'jtj', name: '区交通运输局', kind: 'department', keywords: ['交通', '公交', '道路', '航道'] },
  {
    slug: 'wlj',
    name: '区文化广电旅游体育局',
    kind: 'department',
    keywords: ['文旅', '旅游', '体育', '艺术'],
  },
  {
    slug: 'yjj',
    name: '区应急管理局',
    kind: 'department',
    keywords: ['应急', '安全生产', '消防', '危险化学品'],
  },
];

function units(towns: [slug: string, name: string][]): DemoUnit[] {
  return [
    ...DEPARTMENTS,
    ...towns.map(([slug, name]) => ({
      slug,
      name,
      kind: 'town' as const,
      keywords: [name.replace(/(镇|街道)$/, '')],
    })),
  ];
}

export const DEMO_REGIONS: DemoRegion[] = [
  {
    slug: 'nanhai',
    name: '南海区',
    kind: '区',
    parentCity: '佛山市',
    aliases: ['南海'],
    leaders: ['区委书记', '区委副书记、区长', '区委常委、常务副区长', '区委常委、组织部部长', '副区长'],
    units: units([
      ['guicheng', '桂城街道'],
      ['jiujiang', '九江镇'],
      ['xiqiao', '西樵镇'],
      ['danzao', '丹灶镇'],
      ['shishan', '狮山镇'],
      ['dali', '大沥镇'],
      ['lishui', '里水镇'],
    ]),
  },
  {
    slug: 'jinwan',
    name: '金湾区',
    kind: '区',
    parentCity: '珠海市',
    aliases: ['金湾'],
    leaders: ['区委书记', '区委副书记、区长', '区委常委、常务副区长', '区委常委、政法委书记', '副区长'],
    units: units([
      ['sanzao', '三灶镇'],
      ['hongqi', '红旗镇'],
      ['pingsha', '平沙镇'],
      ['nanshui', '南水镇'],
    ]),
  },
  {
    slug: 'yuancheng',
    name: '源城区',
    kind: '区',
    parentCity: '河源市',
    aliases: ['源城'],
    leaders: ['区委书记', '区委副书记、区长', '区委常委、常务副区长', '区委常委、宣传部部长', '副区长'],
    units: units([
      ['shangcheng', '上城街道'],
      ['xinjiang', '新江街道'],
      ['dongpu', '东埔街道'],
      ['gaopugang', '高埔岗街道'],
      ['yuanxi', '源西街道'],
      ['yuannan', '源南镇'],
      ['puqian', '埔前镇'],
    ]),
  },
  {
    slug: 'zjkfq',
    name: '湛江经开区',
    kind: '经开区',
    parentCity: '湛江市',
    aliases: ['经开区', '湛江'],
    leaders: ['党工委书记', '党工委副书记、管委会主任', '党工委委员、管委会副主任', '管委会副主任'],
    units: units([
      ['dongjian', '东简街道'],
      ['minan', '民安街道'],
      ['dongshan', '东山街道'],
      ['naozhou', '硇洲镇'],
    ]),
  },
];
