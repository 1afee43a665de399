"""The main window's sections: 选品库 · 海报 · 订单 · 客户 · 对账 · 统计."""
