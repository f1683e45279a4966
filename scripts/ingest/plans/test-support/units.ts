/** Unit names as the plans print them, including bracketed ones that must never be split. */
export const responsibilityFixtureUnits = [
  '市发展改革委',
  '市财政局',
  '各县（市、区）人民政府',
  '各县（市）供电公司',
  '市住房和城乡建设局（市房产事务服务中心）',
  '人行平顶山市中心支行',
  '平顶山银保监分局',
  '市政务服务和大数据管理局',
  '市中级法院',
  '市直相关部门',
  '高新区管委会',
  '市发改委（市铁路办）',
];
