"""Which importer a file is: the header row and the one importer (built-in or a remembered column
mapping) that claims it. Two importers claiming one file, or none, is a question for the user,
never a guess."""

from __future__ import annotations

from typing import Any

from microshop.domain.enums import STATEMENT_PLATFORMS, platform_name
from microshop.errors import UserError
from microshop.i18n import localized, tr
from microshop.importers.statements.columns import HEADER_SCAN_ROWS, AmbiguousStatement, Importer, UnrecognisedStatement
from microshop.importers.statements.mapping import MappedImporter, header_signature
from microshop.importers.statements.platforms import IMPORTERS

PLATFORM_CHOICES = STATEMENT_PLATFORMS
TOTAL_WORDS = ("总计", "合计", "汇总")


def detect(rows: list[list[Any]], platform: str | None, name: str) -> tuple[Importer, int, dict[str, int]]:
    """Find the header row and the one importer that claims it (optionally within a platform)."""
    candidates = [i for i in IMPORTERS if platform is None or i.platform == platform]
    best_missing: tuple[Importer, list[str]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        claims = [(imp, cols) for imp in candidates if (cols := imp.identify(row)) is not None]
        if len(claims) > 1:
            labels = "、".join(localized(imp.label) for imp, _ in claims)
            raise AmbiguousStatement(tr("“{name}”同时像 {labels} 的账单，无法确定，请在导入时指定平台。", name=name, labels=labels))
        if claims:
            return claims[0][0], index, claims[0][1]
        for imp in candidates:
            missing = imp.missing(row)
            close = platform is not None or len(missing) < len(imp.columns) // 2
            if close and len(missing) < len(imp.columns) and (
                best_missing is None or len(missing) < len(best_missing[1])
            ):
                best_missing = (imp, missing)
    if platform is not None and best_missing is not None:
        imp, missing = best_missing
        raise UserError(tr("“{name}”不像{importer}的账单：缺少列 {missing}。请确认平台选对了，且表头没有被改动。", name=name, importer=localized(imp.label), missing='、'.join(missing)))
    if platform is not None:
        raise UserError(tr("“{name}”里没有找到{platform}账单的表头，请确认文件和平台选对了。", name=name, platform=platform_name(platform)))
    raise UnrecognisedStatement(
        tr("无法识别“{name}”是哪个平台的账单（没有找到认识的表头）。请确认这是平台导出的原始订单明细，或在导入时指定平台；其他平台可用“自定义列映射”导入。", name=name)
    )


def _detect_with_mappings(head: list[list[Any]], platform: str | None, name: str,
                          mappings: dict[str, tuple[str, dict[str, str]]]) -> tuple[Importer, int, dict[str, int]]:
    for index, row in enumerate(head[:HEADER_SCAN_ROWS]):
        found = mappings.get(header_signature(row))
        if found is not None and (platform is None or platform == found[0]):
            importer = MappedImporter(*found)
            cols = importer.identify(row)
            if cols is not None:
                return importer, index, cols
    if platform is not None and platform not in PLATFORM_CHOICES:
        raise UserError(tr("没有为这种表格设置过{platform}的列映射，请先设置列映射。", platform=platform_name(platform)))
    return detect(head, platform, name)
