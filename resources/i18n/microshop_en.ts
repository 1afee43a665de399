<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="38"/>
        <source>备份与恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="91"/>
        <source>恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="91"/>
        <source>请先选择一个备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="94"/>
        <source>恢复备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="29"/>
        <source>保存为图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="45"/>
        <source>保存图表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="46"/>
        <source>PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="17"/>
        <source>例如 59.9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="39"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="40"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="171"/>
        <location filename="../../microshop/ui/pages/products.py" line="209"/>
        <location filename="../../microshop/ui/statement_import.py" line="62"/>
        <location filename="../../microshop/ui/statement_import.py" line="123"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="75"/>
        <source>隐私模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="89"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="99"/>
        <source>查看(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="107"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="177"/>
        <source>欢迎使用微店管家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="178"/>
        <source>这是一个新的数据库。要加载一些演示数据（商品、客户、订单和平台账单）来看看各个页面怎么用吗？
演示数据以后可以用“从备份恢复”或新建数据库的方式去掉。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="186"/>
        <source>加载演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="186"/>
        <source>数据库里已经有数据，演示数据只能加载到空的数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="205"/>
        <source>备份数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="205"/>
        <source>数据库备份 (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="217"/>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="217"/>
        <source>数据库备份 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="221"/>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="221"/>
        <source>恢复会用备份替换当前的全部数据（当前数据会先另存一份副本）。确定继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="276"/>
        <location filename="../../microshop/ui/worker.py" line="75"/>
        <location filename="../../microshop/ui/worker.py" line="127"/>
        <source>微店管家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="291"/>
        <source>关于微店管家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="58"/>
        <source>客户称呼（新名字会自动建客户）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="88"/>
        <source>添加一行商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="139"/>
        <location filename="../../microshop/ui/pages/orders.py" line="141"/>
        <source>接龙导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="142"/>
        <source>把群里的接龙整段复制粘贴到这里，例如：
#接龙
荔枝 5斤 ¥59.9/份
1. 张姐 2份
2. 王阿姨 1份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="170"/>
        <source>生成订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="176"/>
        <source>预览（红色行没看懂，请在左边改好；双击一行可指定对应的客户）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="178"/>
        <source>接龙商品对应选品库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="219"/>
        <source>不关联（按接龙里的名字记）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="241"/>
        <source>对应客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/base.py" line="100"/>
        <source>搜索…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="39"/>
        <source>用逗号分隔，例如 老客户，宝妈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="41"/>
        <source>每行一个收货地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="48"/>
        <source>隐私模式已开启：手机和地址不显示完整内容，也不能修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="78"/>
        <source>搜索姓名、昵称、微信号、手机…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="116"/>
        <location filename="../../microshop/ui/pages/customers.py" line="121"/>
        <source>合并客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="116"/>
        <source>请按住 Ctrl 选中同一个人的两条记录，再点“合并”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="121"/>
        <source>保留哪一条记录？另一条的订单、标签和地址会并入它：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="134"/>
        <source>删除客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="32"/>
        <source>搜索客户、商品、平台订单号、备注…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="34"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="145"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="45"/>
        <source>点击取消按客户筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="51"/>
        <source>修改状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="56"/>
        <source>新增订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="58"/>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="60"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="62"/>
        <source>导入/导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="64"/>
        <source>接龙导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="65"/>
        <source>导入订单表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="67"/>
        <source>导出订单簿…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="68"/>
        <source>导出自提/配送清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="90"/>
        <source>全部自提点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="145"/>
        <source>选择订单表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="145"/>
        <location filename="../../microshop/ui/pages/products.py" line="183"/>
        <source>表格 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="154"/>
        <source>导入订单表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="175"/>
        <location filename="../../microshop/ui/pages/products.py" line="228"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="279"/>
        <source>Excel 表格 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="191"/>
        <source>导出自提/配送清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="191"/>
        <source>清单里要显示完整手机号吗？
（选“否”则显示为 138****5678）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="210"/>
        <source>删除订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="71"/>
        <source>搜索要分享的商品…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="80"/>
        <source>为选中的商品批量生成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="87"/>
        <source>保存海报…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="89"/>
        <source>复制图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="91"/>
        <source>店铺与邀请码设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="93"/>
        <location filename="../../microshop/ui/pages/posters.py" line="176"/>
        <source>请在左侧选择一个商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="102"/>
        <source>商品的分享文案会显示在这里</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="103"/>
        <source>复制文案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="114"/>
        <source>模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="120"/>
        <source>分享文案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="126"/>
        <source>分享记录（当时的价格和佣金）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="187"/>
        <location filename="../../microshop/ui/pages/posters.py" line="226"/>
        <source>无法生成海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="193"/>
        <source>正在生成预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="235"/>
        <source>选择保存九宫格的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="240"/>
        <source>保存海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="241"/>
        <source>JPEG 图片 (*.jpg);;PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="284"/>
        <location filename="../../microshop/ui/pages/posters.py" line="295"/>
        <source>批量生成海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="284"/>
        <source>请先在左侧按住 Ctrl 或 Shift 选中多个商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="286"/>
        <source>选择保存海报的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="61"/>
        <source>例如 20%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="64"/>
        <source>用逗号分隔，例如 爆款，水果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="65"/>
        <source>收藏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="105"/>
        <source>搜索标题、商品ID、类目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="111"/>
        <source>只看收藏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="116"/>
        <source>新增商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="118"/>
        <source>粘贴分享文本…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="119"/>
        <source>手动填写…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="121"/>
        <source>从表格导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="122"/>
        <source>导出选品库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="139"/>
        <source>全部标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="183"/>
        <source>选择商品表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="228"/>
        <source>导出选品库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="281"/>
        <source>删除商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="87"/>
        <location filename="../../microshop/ui/pages/stats.py" line="85"/>
        <source>月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="114"/>
        <source>账单明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="115"/>
        <source>导入记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="117"/>
        <source>月度收入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="121"/>
        <source>手动关联…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="122"/>
        <source>取消关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="123"/>
        <source>标记已处理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="124"/>
        <source>生成本地订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="142"/>
        <source>搜索平台订单号、商品…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="163"/>
        <source>撤销所选导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="239"/>
        <source>选择平台导出的账单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="240"/>
        <source>账单文件 (*.xlsx *.xls *.csv *.ods);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="247"/>
        <source>导入完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="258"/>
        <source>撤销导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="258"/>
        <source>撤销这次导入？它新增的账单行会删除，更新过的会恢复原样。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="278"/>
        <source>导出对账表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="283"/>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="297"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="300"/>
        <source>手动关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="297"/>
        <source>本月这个平台没有未被认领的账单行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="319"/>
        <source>标记已处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="319"/>
        <source>备注（例如：客户没走我的链接，已知）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="101"/>
        <source>为所选商品做海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="104"/>
        <source>&lt;b&gt;今天分享什么&lt;/b&gt;（近期转化、每单佣金、多久没分享过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="132"/>
        <source>收入趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="133"/>
        <source>每日订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="134"/>
        <source>平台收入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="142"/>
        <source>热销商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="151"/>
        <source>客户与回购</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="152"/>
        <source>分享转化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="167"/>
        <source>正在计算…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="51"/>
        <source>添加图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="53"/>
        <source>粘贴图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="55"/>
        <source>移除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="61"/>
        <source>（也可以把图片拖到这里；第一张是封面）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="90"/>
        <source>剪贴板里的内容不是图片。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="103"/>
        <source>选择商品图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="116"/>
        <source>剪贴板里没有图片。可以先在微信或浏览器里“复制图片”，再点“粘贴图片”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="128"/>
        <source>封面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/settings_dialog.py" line="30"/>
        <source>例如 invite；留空则不在链接上加邀请码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/settings_dialog.py" line="31"/>
        <source>留空则海报不加水印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="61"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="66"/>
        <location filename="../../microshop/ui/statement_import.py" line="106"/>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="73"/>
        <source>未导入的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="110"/>
        <source>（不使用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="122"/>
        <source>保存并继续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="127"/>
        <source>这个文件不是已知平台的格式。请指出每一项在哪一列（带 * 的必须选择），设置会被记住。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="129"/>
        <source>预览（前几行按当前映射读取的结果）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="179"/>
        <source>选择平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="185"/>
        <source>无法识别的账单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/worker.py" line="135"/>
        <source>出现了意外错误，操作没有完成。你的数据不会因此损坏。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/worker.py" line="136"/>
        <source>可以把下面的详细信息发给开发者。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
