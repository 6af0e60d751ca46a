/**
 * chips.mjs — how vendor files name the chips of the catalog's profiles (rules/profiles.yaml).
 * Sources for the mappings are cited in rules/inventory/vendor/README.md ("Chips").
 */

export const ASCEND_CHIPS = ['ascend-910b', 'ascend-910c', 'ascend-950'];
export const CAMBRICON_CHIPS = ['cambricon-mlu370', 'cambricon-mlu590'];

/** SoC names of the CANN build scripts (`--soc=`, SUPPORT_COMPUTE_UNIT_SHORT) -> chip ids. */
export const SOC_CHIPS = {
  ascend910b: 'ascend-910b',
  ascend910_93: 'ascend-910c',
  ascend950: 'ascend-950',
  ascend910_95: 'ascend-950',
  ascend350: 'ascend-950',
};

/** Product names as vendor docs write them -> chip ids (a text may name several). */
export const PRODUCT_PATTERNS = [
  [/Ascend\s*950(?:PR|DT)?|Atlas\s*350|Ascend910_95|ascend950/i, 'ascend-950'],
  [/Atlas\s*A3|Ascend\s*910_93|Ascend910_93|Ascend\s*910C\b/i, 'ascend-910c'],
  [/Atlas\s*A2\b|Atlas\s*800I\s*A2|Ascend\s*910B\b|Ascend910B\b/i, 'ascend-910b'],
];

export function chipsOfProduct(text) {
  return PRODUCT_PATTERNS.filter(([re]) => re.test(text)).map(([, chip]) => chip);
}

/**
 * `__NPU_ARCH__` value of each Ascend chip: dav-2201 for Atlas A2 and A3 (ascend910b, ascend910_93),
 * dav-3510 for Ascend 950PR/950DT.
 */
export const NPU_ARCH = { 'ascend-910b': 2201, 'ascend-910c': 2201, 'ascend-950': 3510 };

/** `__BANG_ARCH__` value of each Cambricon chip (mtp_372 = MLU370, mtp_592 = MLU590). */
export const BANG_ARCH = { 'cambricon-mlu370': 372, 'cambricon-mlu590': 592 };
