// Province table for region-name matching (regions.ts): GB/T 2260 codes, Chinese short and full names,
// Hanyu Pinyin, English names and the extra spellings met in data (English variants, old postal
// romanisations in common use, and the OCR misreadings found in the yearbook files of shared/data,
// methods.md A6). Pinyin and English aliases are matched case-insensitively without spaces or hyphens.

export interface ProvinceRecord {
  code: string;
  zh: string;
  full: string;
  pinyin: string;
  en: string;
  /** Further spellings (Chinese or Latin). */
  aliases: readonly string[];
}

export const PROVINCE_RECORDS: readonly ProvinceRecord[] = [
  { code: '11', zh: '北京', full: '北京市', pinyin: 'Beijing', en: 'Beijing', aliases: ['Peking', '京'] },
  { code: '12', zh: '天津', full: '天津市', pinyin: 'Tianjin', en: 'Tianjin', aliases: ['Tientsin', '津'] },
  { code: '13', zh: '河北', full: '河北省', pinyin: 'Hebei', en: 'Hebei', aliases: ['Hopeh', 'Hopei'] },
  { code: '14', zh: '山西', full: '山西省', pinyin: 'Shanxi', en: 'Shanxi', aliases: ['Shansi', '山两'] },
  { code: '15', zh: '内蒙古', full: '内蒙古自治区', pinyin: 'Neimenggu', en: 'Inner Mongolia', aliases: ['Nei Mongol', 'Neimongol', 'Nei Menggu', 'Inner Mongolia Autonomous Region', '内蒙', '内蒙占'] },
  { code: '21', zh: '辽宁', full: '辽宁省', pinyin: 'Liaoning', en: 'Liaoning', aliases: [] },
  { code: '22', zh: '吉林', full: '吉林省', pinyin: 'Jilin', en: 'Jilin', aliases: ['Kirin'] },
  { code: '23', zh: '黑龙江', full: '黑龙江省', pinyin: 'Heilongjiang', en: 'Heilongjiang', aliases: [] },
  { code: '31', zh: '上海', full: '上海市', pinyin: 'Shanghai', en: 'Shanghai', aliases: ['沪'] },
  { code: '32', zh: '江苏', full: '江苏省', pinyin: 'Jiangsu', en: 'Jiangsu', aliases: ['Kiangsu'] },
  { code: '33', zh: '浙江', full: '浙江省', pinyin: 'Zhejiang', en: 'Zhejiang', aliases: ['Chekiang', '浙汀'] },
  { code: '34', zh: '安徽', full: '安徽省', pinyin: 'Anhui', en: 'Anhui', aliases: ['Anhwei'] },
  { code: '35', zh: '福建', full: '福建省', pinyin: 'Fujian', en: 'Fujian', aliases: ['Fukien'] },
  { code: '36', zh: '江西', full: '江西省', pinyin: 'Jiangxi', en: 'Jiangxi', aliases: ['Kiangsi', '江两', '江四'] },
  { code: '37', zh: '山东', full: '山东省', pinyin: 'Shandong', en: 'Shandong', aliases: ['Shantung'] },
  { code: '41', zh: '河南', full: '河南省', pinyin: 'Henan', en: 'Henan', aliases: ['Honan'] },
  { code: '42', zh: '湖北', full: '湖北省', pinyin: 'Hubei', en: 'Hubei', aliases: ['Hupeh', 'Hupei'] },
  { code: '43', zh: '湖南', full: '湖南省', pinyin: 'Hunan', en: 'Hunan', aliases: [] },
  { code: '44', zh: '广东', full: '广东省', pinyin: 'Guangdong', en: 'Guangdong', aliases: ['Kwangtung', '粤'] },
  { code: '45', zh: '广西', full: '广西壮族自治区', pinyin: 'Guangxi', en: 'Guangxi', aliases: ['Guangxi Zhuang', 'Guangxi Zhuang Autonomous Region', 'Kwangsi', '桂'] },
  { code: '46', zh: '海南', full: '海南省', pinyin: 'Hainan', en: 'Hainan', aliases: ['琼'] },
  { code: '50', zh: '重庆', full: '重庆市', pinyin: 'Chongqing', en: 'Chongqing', aliases: ['Chungking', '渝'] },
  { code: '51', zh: '四川', full: '四川省', pinyin: 'Sichuan', en: 'Sichuan', aliases: ['Szechwan', 'Szechuan', '川'] },
  { code: '52', zh: '贵州', full: '贵州省', pinyin: 'Guizhou', en: 'Guizhou', aliases: ['Kweichow'] },
  { code: '53', zh: '云南', full: '云南省', pinyin: 'Yunnan', en: 'Yunnan', aliases: [] },
  { code: '54', zh: '西藏', full: '西藏自治区', pinyin: 'Xizang', en: 'Tibet', aliases: ['Xizang Autonomous Region', 'Tibet Autonomous Region', '藏', '两藏', '四藏'] },
  { code: '61', zh: '陕西', full: '陕西省', pinyin: 'Shaanxi', en: 'Shaanxi', aliases: ['Shensi'] },
  { code: '62', zh: '甘肃', full: '甘肃省', pinyin: 'Gansu', en: 'Gansu', aliases: ['Kansu'] },
  { code: '63', zh: '青海', full: '青海省', pinyin: 'Qinghai', en: 'Qinghai', aliases: ['Tsinghai'] },
  { code: '64', zh: '宁夏', full: '宁夏回族自治区', pinyin: 'Ningxia', en: 'Ningxia', aliases: ['Ningxia Hui', 'Ningxia Hui Autonomous Region', 'Ningsia'] },
  { code: '65', zh: '新疆', full: '新疆维吾尔自治区', pinyin: 'Xinjiang', en: 'Xinjiang', aliases: ['Xinjiang Uygur', 'Xinjiang Uyghur', 'Xinjiang Uighur', 'Xinjiang Uygur Autonomous Region', 'Xinjiang Uyghur Autonomous Region', 'Sinkiang'] },
  { code: '71', zh: '台湾', full: '台湾省', pinyin: 'Taiwan', en: 'Taiwan', aliases: ['臺灣', '台灣'] },
  { code: '81', zh: '香港', full: '香港特别行政区', pinyin: 'Xianggang', en: 'Hong Kong', aliases: ['Hongkong', 'Hong Kong SAR', 'HKSAR'] },
  { code: '82', zh: '澳门', full: '澳门特别行政区', pinyin: 'Aomen', en: 'Macao', aliases: ['Macau', 'Macao SAR', 'Macau SAR', '澳門'] },
];

export type AggregateKey = 'national' | 'east' | 'central' | 'west' | 'northeast';

export const AGGREGATE_RECORDS: readonly { key: AggregateKey; zh: string; en: string; aliases: readonly string[] }[] = [
  { key: 'national', zh: '全国', en: 'National', aliases: ['全国合计', '全国总计', '中国', '总计', 'China', 'National', 'Nationwide', 'National total', 'China total', 'All China', 'Whole country'] },
  { key: 'east', zh: '东部地区', en: 'East', aliases: ['东部', '东部地区', '尔部地区', '东部合计', 'East', 'Eastern', 'Eastern region', 'East region'] },
  { key: 'central', zh: '中部地区', en: 'Central', aliases: ['中部', '中部地区', '中部合计', 'Central', 'Central region'] },
  { key: 'west', zh: '西部地区', en: 'West', aliases: ['西部', '西部地区', '西部合计', 'West', 'Western', 'Western region', 'West region'] },
  { key: 'northeast', zh: '东北地区', en: 'Northeast', aliases: ['东北', '东北地区', '东北合计', 'Northeast', 'Northeastern', 'Northeast region'] },
];

export type GroupingName = 'nbs4' | 'three' | 'belts';

export interface GroupDef {
  key: string;
  zh: string;
  en: string;
  codes: readonly string[];
}

/**
 * Region groupings of the 31 mainland provinces (71/81/82 belong to none).
 *  nbs4  — NBS (2011) four regions: East, Central, West, Northeast (methods.md A6, default).
 *  three — East / Central / West as used since the Western Development programme (2000): 内蒙古 and 广西
 *          in the West; 辽宁 in the East, 吉林 and 黑龙江 in the Central region.
 *  belts — the three economic belts of the Seventh Five-Year Plan (1986, 三大经济地带): 广西 in the East
 *          coastal belt, 内蒙古 in the Central belt; 重庆 (1997) counted with the West as 四川 was.
 *          Some texts place 广西 in the Central belt instead (check against the source you follow).
 */
export const GROUPINGS: Record<GroupingName, readonly GroupDef[]> = {
  nbs4: [
    { key: 'east', zh: '东部', en: 'East', codes: ['11', '12', '13', '31', '32', '33', '35', '37', '44', '46'] },
    { key: 'central', zh: '中部', en: 'Central', codes: ['14', '34', '36', '41', '42', '43'] },
    { key: 'west', zh: '西部', en: 'West', codes: ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'] },
    { key: 'northeast', zh: '东北', en: 'Northeast', codes: ['21', '22', '23'] },
  ],
  three: [
    { key: 'east', zh: '东部', en: 'East', codes: ['11', '12', '13', '21', '31', '32', '33', '35', '37', '44', '46'] },
    { key: 'central', zh: '中部', en: 'Central', codes: ['14', '22', '23', '34', '36', '41', '42', '43'] },
    { key: 'west', zh: '西部', en: 'West', codes: ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'] },
  ],
  belts: [
    { key: 'east', zh: '东部沿海地带', en: 'Eastern coastal belt', codes: ['11', '12', '13', '21', '31', '32', '33', '35', '37', '44', '45', '46'] },
    { key: 'central', zh: '中部地带', en: 'Central belt', codes: ['14', '15', '22', '23', '34', '36', '41', '42', '43'] },
    { key: 'west', zh: '西部地带', en: 'Western belt', codes: ['50', '51', '52', '53', '54', '61', '62', '63', '64', '65'] },
  ],
};
