"""Charts (Qt Charts) that follow the app's font and can be saved as PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from microshop.i18n import QT_TR_NOOP, localized
from microshop.ui import file_dialogs
from microshop.ui.i18n import tr


class SavableChart(QWidget):
    """A chart view with a “保存为图片…” button."""

    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setTitle(title)
        self.chart.setTitleFont(QApplication.font())
        self.chart.legend().setFont(QApplication.font())
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))  # a short window's height goes to the bars, not the frame
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        save = QPushButton(tr("保存为图片…"))
        save.clicked.connect(self.ask_save)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def save_png(self, path: Path) -> Path:
        """Render the chart to a PNG file."""
        path = Path(path).with_suffix(".png")
        self.view.grab().save(str(path), "PNG")
        return path

    def ask_save(self) -> None:
        path = file_dialogs.save_file(self, "charts", tr("保存图表"), f"{self.chart.title()}.png", tr("PNG 图片 (*.png)"))
        if path:
            self.save_png(path)


SMALL_TOP = 5.0  # a value axis never shorter than this (yuan): an empty month still reads 0 1 2 3 4 5


class BarChart(SavableChart):
    """Bars for one or more named series over categories (values as displayed numbers)."""

    COLORS: tuple[str, ...] = ("#1b7f4b", "#8fc9a3", "#e0a526", "#5b8def")
    ROOM_PER_TICK_PX = 28  # a value label and the gap to the next: closer than this, Qt draws them as “…”

    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(title, parent)
        self._value_axis: QValueAxis | None = None
        self._top, self._room = 0.0, 0
        self.chart.plotAreaChanged.connect(lambda _area: self._fit_ticks())

    def show(  # type: ignore[override]  # shows the data (and the widget): QWidget.show() plus what to draw
            self, categories: list[str], series: list[tuple[str, list[float]]], label_format: str = "%.0f") -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSeries()
        top = 0.0
        for (name, values), color in zip(series, self.COLORS):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(color))
            for value in values:
                bar_set.append(value)
                top = max(top, value)
            bars.append(bar_set)
        self.chart.addSeries(bars)
        self.chart.legend().setVisible(len(series) > 1)
        x = QBarCategoryAxis()
        x.append(categories or ["—"])
        x.setLabelsFont(QApplication.font())
        y = QValueAxis()
        y.setLabelFormat(label_format)
        y.setLabelsFont(QApplication.font())
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x)
        bars.attachAxis(y)
        self._top, self._value_axis, self._room = top, y, 0
        self._fit_ticks()

    def _fit_ticks(self) -> None:
        """As many value ticks as the plot's height has room for (2–6): on a short window the axis
        reads 0 500 1000, never a column of “…”. Run again whenever the plot area changes."""
        axis = self._value_axis
        if axis is None:
            return
        room = max(2, min(6, int(self.chart.plotArea().height()) // self.ROOM_PER_TICK_PX + 1))
        if room == self._room:
            return
        self._room = room
        if self._top * 1.15 <= SMALL_TOP:  # nothing yet, or very little: whole-number ticks 0–5, never “0 0 0 1 1 1”
            axis.setRange(0, SMALL_TOP)
            axis.setTickCount(int(SMALL_TOP) + 1 if room >= int(SMALL_TOP) + 1 else 2)
        else:
            axis.setRange(0, self._top * 1.15)
            axis.setTickCount(room)
            axis.applyNiceNumbers()


class IncomeChart(BarChart):
    """Estimated / settled / arrived per month (yuan)."""

    SERIES = ((QT_TR_NOOP("预估佣金"), "estimated"), (QT_TR_NOOP("结算"), "settled"), (QT_TR_NOOP("到账"), "arrived"))
    COLORS = ("#8fc9a3", "#1b7f4b", "#e0a526")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(tr("近 12 个月收入（元）"), parent)

    def show_series(self, series: list[tuple[str, Any]]) -> None:
        """``series``: (YYYY-MM, figures with estimated/settled/arrived in fen) per month."""
        self.show([tr("{month}月", month=int(m[5:])) for m, _ in series],
                  [(localized(label), [getattr(income, attr) / 100 for _m, income in series])  # display only
                   for label, attr in self.SERIES])
        self.chart.legend().setVisible(True)
