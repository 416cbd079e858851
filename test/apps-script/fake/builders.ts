/**
 * Fake builders: conditional-format rules, data validations and embedded charts. They only record
 * what was configured; a test reads the result back from the sheet they were applied to.
 */
import type {
  GChartBuilder,
  GConditionalFormatRule,
  GConditionalFormatRuleBuilder,
  GDataValidation,
  GDataValidationBuilder,
  GEmbeddedChart,
  GRange,
} from "../../../apps-script/ports.js";
import type { CallLog } from "./calls.js";
import { own } from "./guard.js";
import { FakeRange } from "./range.js";

export class FakeConditionalFormatRule implements GConditionalFormatRule {
  constructor(
    readonly formula: string,
    readonly background: string | null,
    readonly fontColour: string | null,
    readonly ranges: FakeRange[],
  ) {}
  getBooleanCondition(): unknown {
    return { formula: this.formula };
  }
}

export class FakeConditionalFormatRuleBuilder implements GConditionalFormatRuleBuilder {
  private formula = "";
  private background: string | null = null;
  private fontColour: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly log: CallLog) {}
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder {
    this.log.hit("ConditionalFormatRuleBuilder.whenFormulaSatisfied", "builder");
    if (!formula.startsWith("=")) throw new Error("Custom formula must start with '='.");
    this.formula = formula;
    return this;
  }
  setBackground(color: string | null): GConditionalFormatRuleBuilder {
    this.log.hit("ConditionalFormatRuleBuilder.setBackground", "builder");
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): GConditionalFormatRuleBuilder {
    this.log.hit("ConditionalFormatRuleBuilder.setFontColor", "builder");
    this.fontColour = color;
    return this;
  }
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder {
    this.log.hit("ConditionalFormatRuleBuilder.setRanges", "builder");
    this.ranges = ranges.map((r) => own(r, FakeRange, "Range"));
    return this;
  }
  build(): GConditionalFormatRule {
    this.log.hit("ConditionalFormatRuleBuilder.build", "builder");
    if (!this.formula || this.ranges.length === 0)
      throw new Error("A conditional format rule needs a condition and a range.");
    return new FakeConditionalFormatRule(this.formula, this.background, this.fontColour, this.ranges);
  }
}

export class FakeDataValidation implements GDataValidation {
  constructor(
    readonly list: string[],
    readonly allowInvalid: boolean,
  ) {}
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
}

export class FakeDataValidationBuilder implements GDataValidationBuilder {
  private list: string[] = [];
  private allowInvalid = true;
  constructor(private readonly log: CallLog) {}
  requireValueInList(values: string[]): GDataValidationBuilder {
    this.log.hit("DataValidationBuilder.requireValueInList", "builder");
    this.list = [...values];
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.log.hit("DataValidationBuilder.setAllowInvalid", "builder");
    this.allowInvalid = allowInvalidData;
    return this;
  }
  build(): GDataValidation {
    this.log.hit("DataValidationBuilder.build", "builder");
    return new FakeDataValidation(this.list, this.allowInvalid);
  }
}

export interface FakeChart extends GEmbeddedChart {
  type: string;
  ranges: FakeRange[];
  position: [number, number, number, number] | null;
  /** setTransposeRowsAndColumns(true): rows are the series. */
  transposed: boolean;
  options: Record<string, unknown>;
}

export class FakeChartBuilder implements GChartBuilder {
  private type = "unset";
  private readonly ranges: FakeRange[] = [];
  private position: [number, number, number, number] | null = null;
  private readonly options: Record<string, unknown> = {};
  private transposed = false;
  constructor(private readonly log: CallLog) {}
  asColumnChart(): GChartBuilder {
    this.log.hit("EmbeddedChartBuilder.asColumnChart", "builder");
    this.type = "column";
    return this;
  }
  asBarChart(): GChartBuilder {
    this.log.hit("EmbeddedChartBuilder.asBarChart", "builder");
    this.type = "bar";
    return this;
  }
  addRange(range: GRange): GChartBuilder {
    this.log.hit("EmbeddedChartBuilder.addRange", "builder");
    this.ranges.push(own(range, FakeRange, "Range"));
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GChartBuilder {
    this.log.hit("EmbeddedChartBuilder.setPosition", "builder");
    this.position = [anchorRowPos, anchorColPos, offsetX, offsetY];
    return this;
  }
  setOption(option: string, value: string | number | boolean | string[]): GChartBuilder {
    this.log.hit("EmbeddedChartBuilder.setOption", "builder");
    this.options[option] = value;
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#settransposerowsandcolumnstranspose
  setTransposeRowsAndColumns(transpose: boolean): GChartBuilder {
    this.log.hit("EmbeddedChartBuilder.setTransposeRowsAndColumns", "builder");
    this.transposed = transpose;
    return this;
  }
  build(): FakeChart {
    this.log.hit("EmbeddedChartBuilder.build", "builder");
    if (this.ranges.length === 0) throw new Error("A chart needs at least one range.");
    return {
      type: this.type,
      ranges: [...this.ranges],
      position: this.position,
      transposed: this.transposed,
      options: { ...this.options },
      getChartId: () => null,
    };
  }
}
