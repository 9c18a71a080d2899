import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileKind, KIND_BYTES } from './file-kind';

const exporters = 'test/fixtures/exporters';
const head = (path: string) => new Uint8Array(readFileSync(path)).subarray(0, KIND_BYTES);

describe('fileKind', () => {
  it('names every exporter fixture model an ONNX file by its bytes', () => {
    for (const dir of readdirSync(exporters, { withFileTypes: true })) {
      if (!dir.isDirectory() || dir.name === 'bad') continue;
      expect(fileKind(head(`${exporters}/${dir.name}/model.onnx`)), dir.name).toBe('onnx');
    }
  });
  it('names a CSV text, also when it is called .onnx', () => {
    expect(fileKind(head(`${exporters}/sklearn-hgb/score.csv`))).toBe('text');
    expect(fileKind(head(`${exporters}/bad/not-onnx.onnx`))).toBe('text');
  });
  it('names a truncated model ONNX (its reader then refuses it)', () => {
    expect(fileKind(head(`${exporters}/bad/truncated.onnx`))).toBe('onnx');
  });
  it('names a Parquet file parquet by its magic bytes at both ends, and a cut one by the page header after its start', () => {
    const typed = new Uint8Array(readFileSync('test/fixtures/parquet/typed.parquet'));
    expect(fileKind(typed.subarray(0, KIND_BYTES), typed.subarray(-4))).toBe('parquet');
    const cut = new Uint8Array(readFileSync('test/fixtures/parquet/truncated.parquet'));
    expect([...cut.subarray(-4)]).not.toEqual([0x50, 0x41, 0x52, 0x31]);
    expect(fileKind(cut.subarray(0, KIND_BYTES), cut.subarray(-4))).toBe('parquet');
    expect(fileKind(new TextEncoder().encode('PAR;x\n'))).toBe('text');
  });
  it('names a CSV that starts with PAR1 text, whether or not its end is at hand', () => {
    const csv = new TextEncoder().encode('PAR1;x\n1;2\n');
    expect(fileKind(csv, csv.subarray(-4))).toBe('text');
    expect(fileKind(csv)).toBe('text');
    // One that also ends with PAR1 has both of the specification's magics and is taken for Parquet (then refused as unreadable Parquet, by name).
    const both = new TextEncoder().encode('PAR1;x\n1;PAR1');
    expect(fileKind(both, both.subarray(-4))).toBe('parquet');
  });
  it('names UTF-16 text text and other control bytes binary; an empty file is text', () => {
    expect(fileKind(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBe('text');
    expect(fileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('binary');
    expect(fileKind(new Uint8Array(0))).toBe('text');
  });
});
