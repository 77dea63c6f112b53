import type { Region } from './region-of';

// ISO 3166-1 alpha-2 and alpha-3 codes grouped by sales region. Regions follow the usual
// go-to-market split: NA = US, Canada and their northern territories; LATAM = Mexico, Central and
// South America and the Caribbean; EMEA = Europe, the Middle East, Africa, the Caucasus and
// Central Asia; APAC = the rest of Asia and Oceania. Antarctica and Bouvet Island are unknown.
const TABLE: Readonly<Record<Region, string>> = {
  NA: 'US:USA CA:CAN PM:SPM GL:GRL BM:BMU UM:UMI',
  LATAM:
    'MX:MEX GT:GTM BZ:BLZ SV:SLV HN:HND NI:NIC CR:CRI PA:PAN CU:CUB JM:JAM HT:HTI DO:DOM PR:PRI BS:BHS ' +
    'BB:BRB TT:TTO AG:ATG DM:DMA GD:GRD KN:KNA LC:LCA VC:VCT AI:AIA AW:ABW BQ:BES CW:CUW SX:SXM MF:MAF ' +
    'BL:BLM GP:GLP MQ:MTQ KY:CYM TC:TCA VG:VGB VI:VIR MS:MSR CO:COL VE:VEN EC:ECU PE:PER BO:BOL CL:CHL ' +
    'AR:ARG UY:URY PY:PRY BR:BRA GY:GUY SR:SUR GF:GUF FK:FLK GS:SGS',
  EMEA:
    'AD:AND AL:ALB AT:AUT AX:ALA BA:BIH BE:BEL BG:BGR BY:BLR CH:CHE CY:CYP CZ:CZE DE:DEU DK:DNK EE:EST ' +
    'ES:ESP FI:FIN FO:FRO FR:FRA GB:GBR GG:GGY GI:GIB GR:GRC HR:HRV HU:HUN IE:IRL IM:IMN IS:ISL IT:ITA ' +
    'JE:JEY LI:LIE LT:LTU LU:LUX LV:LVA MC:MCO MD:MDA ME:MNE MK:MKD MT:MLT NL:NLD NO:NOR PL:POL PT:PRT ' +
    'RO:ROU RS:SRB RU:RUS SE:SWE SI:SVN SJ:SJM SK:SVK SM:SMR UA:UKR VA:VAT ' +
    'AE:ARE BH:BHR IL:ISR IQ:IRQ IR:IRN JO:JOR KW:KWT LB:LBN OM:OMN PS:PSE QA:QAT SA:SAU SY:SYR TR:TUR ' +
    'YE:YEM AM:ARM AZ:AZE GE:GEO KZ:KAZ KG:KGZ TJ:TJK TM:TKM UZ:UZB ' +
    'DZ:DZA AO:AGO BJ:BEN BW:BWA BF:BFA BI:BDI CV:CPV CM:CMR CF:CAF TD:TCD KM:COM CG:COG CD:COD CI:CIV ' +
    'DJ:DJI EG:EGY GQ:GNQ ER:ERI SZ:SWZ ET:ETH GA:GAB GM:GMB GH:GHA GN:GIN GW:GNB KE:KEN LS:LSO LR:LBR ' +
    'LY:LBY MG:MDG MW:MWI ML:MLI MR:MRT MU:MUS YT:MYT MA:MAR MZ:MOZ NA:NAM NE:NER NG:NGA RE:REU RW:RWA ' +
    'SH:SHN ST:STP SN:SEN SC:SYC SL:SLE SO:SOM ZA:ZAF SS:SSD SD:SDN TZ:TZA TG:TGO TN:TUN UG:UGA EH:ESH ' +
    'ZM:ZMB ZW:ZWE TF:ATF',
  APAC:
    'AF:AFG AU:AUS BD:BGD BN:BRN BT:BTN CC:CCK CK:COK CN:CHN CX:CXR FJ:FJI FM:FSM GU:GUM HK:HKG HM:HMD ' +
    'ID:IDN IN:IND JP:JPN KH:KHM KI:KIR KP:PRK KR:KOR LA:LAO LK:LKA MH:MHL MM:MMR MN:MNG MO:MAC MP:MNP ' +
    'MV:MDV MY:MYS NC:NCL NF:NFK NP:NPL NR:NRU NU:NIU NZ:NZL PF:PYF PG:PNG PH:PHL PK:PAK PN:PCN PW:PLW ' +
    'SB:SLB SG:SGP TH:THA TK:TKL TL:TLS TO:TON TV:TUV TW:TWN VN:VNM VU:VUT WF:WLF WS:WSM AS:ASM IO:IOT',
  unknown: 'AQ:ATA BV:BVT',
};

export type CountryRecord = { alpha2: string; alpha3: string; region: Region };

/** Every ISO 3166-1 country, keyed by alpha-2. */
export const COUNTRIES: ReadonlyMap<string, CountryRecord> = new Map(
  (Object.entries(TABLE) as Array<[Region, string]>).flatMap(([region, codes]) =>
    codes.split(' ').map((pair): [string, CountryRecord] => {
      const [alpha2 = '', alpha3 = ''] = pair.split(':');
      return [alpha2, { alpha2, alpha3, region }];
    }),
  ),
);
