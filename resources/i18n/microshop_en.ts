<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="44"/>
        <source>备份与恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="47"/>
        <source>无法读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="50"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="51"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="56"/>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="69"/>
        <source>微店管家每天自动备份一次（保留最近 7 天和最近 4 周），升级、恢复、撤销导入之前也会各备份一份。&lt;br&gt;备份文件夹：{folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="74"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="74"/>
        <source>恢复所选…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="75"/>
        <source>打开备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="75"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="197"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="117"/>
        <source>恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="117"/>
        <source>请先选择一个备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="120"/>
        <source>恢复备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="121"/>
        <source>用 {created:%Y-%m-%d %H:%M} 的{label}替换当前全部数据？
当前数据会先另存一份，之后也能恢复回来。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="127"/>
        <source>这份备份里的数据比现在少</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="128"/>
        <source>这份备份比现在的数据少：{less}。
恢复后，这些多出来的数据会从当前账本里消失（当前数据会先另存一份）。确定还要恢复吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="131"/>
        <source>仍然恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/backup_dialog.py" line="132"/>
        <source>不恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="34"/>
        <source>保存为图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="50"/>
        <source>保存图表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="50"/>
        <source>PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="121"/>
        <source>结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="121"/>
        <location filename="../../microshop/ui/item_models.py" line="143"/>
        <location filename="../../microshop/ui/pages/stats.py" line="38"/>
        <source>到账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="125"/>
        <source>近 12 个月收入（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/charts.py" line="129"/>
        <source>{month}月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="21"/>
        <source>例如 59.9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="30"/>
        <source>{label}“{text}”不是有效的金额，请写成 59.9 这样的数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="43"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="44"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="202"/>
        <location filename="../../microshop/ui/pages/products.py" line="265"/>
        <location filename="../../microshop/ui/statement_import.py" line="78"/>
        <location filename="../../microshop/ui/statement_import.py" line="166"/>
        <location filename="../../microshop/ui/statement_import.py" line="246"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="89"/>
        <location filename="../../microshop/ui/worker.py" line="87"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/forms.py" line="78"/>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/settings.py" line="30"/>
        <source>店铺名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/settings.py" line="31"/>
        <source>邀请码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/settings.py" line="32"/>
        <source>邀请码参数名（加在链接后）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/settings.py" line="33"/>
        <source>海报水印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/settings.py" line="34"/>
        <source>已询问过是否加载演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/settings.py" line="35"/>
        <location filename="../../microshop/ui/main_window.py" line="133"/>
        <source>隐私模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="214"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="231"/>
        <source>查看(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="240"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="432"/>
        <source>欢迎使用微店管家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="488"/>
        <source>加载演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="222"/>
        <source>备份与恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="166"/>
        <source>{app} — 演示数据（不是你的数据）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="136"/>
        <source>演示数据 · 文件 → 回到我的数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="140"/>
        <source>打开文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="215"/>
        <source>新建数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="216"/>
        <source>打开数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="217"/>
        <source>回到我的数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="219"/>
        <source>打开演示数据（单独的数据库）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="223"/>
        <source>备份到其他位置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="224"/>
        <source>从文件恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="226"/>
        <source>发到手机…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="228"/>
        <source>设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="230"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="235"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="238"/>
        <source>隐私模式（截图前打开）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="242"/>
        <source>常用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="245"/>
        <source>粘贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="246"/>
        <source>粘贴分享文本（新建选品并出海报）、接龙（生成订单）或图片（加到选中的商品）；也可以直接按 Ctrl+V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="253"/>
        <source>把群里的接龙粘贴进来生成订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="254"/>
        <source>导入快团团后台导出的订单表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="255"/>
        <source>派送单、每户一张的标签和进货汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="256"/>
        <location filename="../../microshop/ui/pages/posters.py" line="100"/>
        <location filename="../../microshop/ui/phone_dialog.py" line="53"/>
        <source>发到手机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="256"/>
        <source>手机扫码，长按保存海报、复制文案、看今天的自提清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="278"/>
        <source>剪贴板里没有分享文本、接龙或图片。先在 App 里“分享 → 复制链接”，或在群里复制接龙，再按 Ctrl+V。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="290"/>
        <source>要把图片加到哪个商品？先在选品库或海报里选中它，再按 Ctrl+V。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="415"/>
        <source>商品 {products} · 客户 {customers} · 订单 {orders} · 账单 {statement_lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="433"/>
        <source>这是一个新的数据库。要先打开演示数据（商品、客户、订单和平台账单）看看各个页面怎么用吗？
演示数据放在单独的数据库里，不会混进你自己的数据；看完用“文件 → 回到我的数据”回来。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="118"/>
        <location filename="../../microshop/ui/main_window.py" line="451"/>
        <source>正在打开数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="295"/>
        <source>图片已加到“{title}”（共 {count} 张）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="297"/>
        <source>；这张只有 {w}×{h}，海报上会模糊</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="457"/>
        <source>正在准备演示数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="468"/>
        <source>新建数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="468"/>
        <source>新的账本.sqlite3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="469"/>
        <source>微店管家数据库 (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="476"/>
        <source>打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="477"/>
        <source>微店管家数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="488"/>
        <source>数据库里已经有数据，演示数据只能加载到空的数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="497"/>
        <source>正在生成演示数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="502"/>
        <source>已加载演示数据：{products} 个商品，{orders} 个订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="504"/>
        <source>正在加载演示数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="509"/>
        <source>备份数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="509"/>
        <source>数据库备份 (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="509"/>
        <source>微店管家备份.sqlite3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="514"/>
        <source>已备份到 {out}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="515"/>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="520"/>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="520"/>
        <source>数据库备份 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="524"/>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="524"/>
        <source>恢复会用备份替换当前的全部数据（当前数据会先另存一份副本）。确定继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="537"/>
        <source>已从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="542"/>
        <source>正在恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="580"/>
        <source>上次的“{what}”没有完成就被中断了（可能是程序被强制关闭或断电）。

已检查数据库：完好，没有数据丢失。那次操作没有保存任何内容，需要的话请重新做一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="583"/>
        <source>已检查数据库：完好，没有数据丢失</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="585"/>
        <source>上次的“{what}”被中断，数据库检查发现问题：{problem}

请用“文件 → 备份与恢复…”恢复最近的备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="30"/>
        <location filename="../../microshop/ui/main_window.py" line="589"/>
        <location filename="../../microshop/ui/worker.py" line="88"/>
        <location filename="../../microshop/ui/worker.py" line="158"/>
        <source>微店管家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="44"/>
        <source>无法写入“{name}”：文件可能正在别的程序中打开，请关闭后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="55"/>
        <source>第 {page} / {pages} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="67"/>
        <source>派送单  {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="70"/>
        <source>共 {households} 户，{qty} 件 · 打印于 {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="73"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="140"/>
        <source>商品 × 数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="81"/>
        <source>{name}  ·  {n} 户  ·  {qty} 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="592"/>
        <source>自动备份没有成功：{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="605"/>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;为社交电商店主准备的桌面工具：选品、分享海报、订单、客户和佣金对账，都在一个地方。&lt;/p&gt;&lt;p&gt;数据文件：{path}&lt;/p&gt;&lt;p&gt;界面与海报字体：Noto Sans SC（思源黑体），依 SIL Open Font License 1.1 授权。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="241"/>
        <location filename="../../microshop/ui/main_window.py" line="603"/>
        <source>关于微店管家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="54"/>
        <source>编辑订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="60"/>
        <source>客户称呼（新名字会自动建客户）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="64"/>
        <location filename="../../microshop/ui/pages/products.py" line="58"/>
        <source>未选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="83"/>
        <source>金额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="83"/>
        <source>平台金额（元，可空）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="90"/>
        <source>添加一行商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="93"/>
        <source>取货方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="318"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="94"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="121"/>
        <source>第 {row} 行商品的数量或金额看不懂，请填数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="213"/>
        <location filename="../../microshop/ui/main_window.py" line="253"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="147"/>
        <location filename="../../microshop/ui/pages/orders.py" line="65"/>
        <source>接龙导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="150"/>
        <source>把群里的接龙整段复制粘贴到这里，例如：
#接龙
荔枝 5斤 ¥59.9/份
1. 张姐 2份
2. 王阿姨 1份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="73"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="159"/>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="161"/>
        <source>商品与数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="184"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="186"/>
        <source>各自的自提点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="188"/>
        <source>这批订单：状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="201"/>
        <source>生成订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="207"/>
        <source>预览（红色行没看懂，请在左边改好；双击一行可指定对应的客户）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="209"/>
        <source>接龙商品对应选品库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="238"/>
        <source>（已取消）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="254"/>
        <source>已取消，不会导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="240"/>
        <source>（没看懂：{why}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="256"/>
        <source>没看懂，不会导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="296"/>
        <source>不关联（按接龙里的名字记）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="304"/>
        <source>（菜单：{dishes}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="312"/>
        <source>单价（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="318"/>
        <source>{label}（&lt;span style=&apos;color:#b00&apos;&gt;没写价格，请填上&lt;/span&gt;）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="321"/>
        <source>接龙说明：{lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="325"/>
        <source>{products} 个商品 · {entries} 人报名 · 共 {total_qty} 件 · 合计 {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="327"/>
        <source> · &lt;span style=&apos;color:#b00&apos;&gt;{count} 行没看懂&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="328"/>
        <source> · {count} 人已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="329"/>
        <source> · &lt;span style=&apos;color:#b35c00&apos;&gt;{count} 条之前已导入，不会重复&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="331"/>
        <source>第 {seq} 条（{name}）：{why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="355"/>
        <source>先填上价格：{labels}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="365"/>
        <source>新建客户：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="366"/>
        <source>“{customer}”是哪位客户？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="400"/>
        <source>正在生成订单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="164"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="366"/>
        <source>对应客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/base.py" line="36"/>
        <source>全部平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/base.py" line="57"/>
        <source>全部月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/base.py" line="60"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="337"/>
        <source>{year}年{month}月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/base.py" line="183"/>
        <source>搜索…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/base.py" line="239"/>
        <source>没有符合条件的记录：换个搜索词，或把筛选条件放宽一些。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/base.py" line="263"/>
        <source>共 {count} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="27"/>
        <source>编辑客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="27"/>
        <location filename="../../microshop/ui/pages/customers.py" line="81"/>
        <source>新增客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="40"/>
        <source>用逗号分隔，例如 老客户，宝妈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="42"/>
        <source>每行一个收货地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="49"/>
        <source>隐私模式已开启：手机和地址不显示完整内容，也不能修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="51"/>
        <source>姓名/称呼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="51"/>
        <source>微信昵称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="51"/>
        <source>微信号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="52"/>
        <location filename="../../microshop/ui/pages/products.py" line="92"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="272"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="299"/>
        <source>标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="80"/>
        <source>搜索姓名、昵称、微信号、手机…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="82"/>
        <source>查看订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="82"/>
        <source>合并…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="90"/>
        <source>还没有客户。导入接龙或记订单时，新名字会自动成为客户；也可以先把常买的邻居、朋友加进来。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="91"/>
        <source>新增客户…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="114"/>
        <source>客户“{name}”已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="126"/>
        <location filename="../../microshop/ui/pages/customers.py" line="132"/>
        <source>合并客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="126"/>
        <source>请按住 Ctrl 选中同一个人的两条记录，再点“合并”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="132"/>
        <source>保留哪一条记录？另一条的订单、标签和地址会并入它：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="141"/>
        <source>已合并，移过来 {moved} 个订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="146"/>
        <source>删除客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="146"/>
        <source>确定删除选中的 {count} 位客户吗？他们的订单会保留。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="32"/>
        <source>搜索客户、商品、平台订单号、备注…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="35"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="165"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="123"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="46"/>
        <source>点击取消按客户筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="54"/>
        <source>修改状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="54"/>
        <location filename="../../microshop/ui/pages/orders.py" line="59"/>
        <source>新增订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="81"/>
        <location filename="../../microshop/ui/pages/orders.py" line="61"/>
        <location filename="../../microshop/ui/pages/products.py" line="150"/>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/customers.py" line="82"/>
        <location filename="../../microshop/ui/pages/orders.py" line="63"/>
        <location filename="../../microshop/ui/pages/products.py" line="150"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/backups.py" line="46"/>
        <location filename="../../microshop/ui/backup_dialog.py" line="54"/>
        <location filename="../../microshop/ui/main_window.py" line="43"/>
        <location filename="../../microshop/ui/pages/orders.py" line="28"/>
        <location filename="../../microshop/ui/pages/stats.py" line="131"/>
        <location filename="../../microshop/ui/pages/stats.py" line="133"/>
        <source>订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/backups.py" line="47"/>
        <location filename="../../microshop/ui/backup_dialog.py" line="55"/>
        <source>账单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/backups.py" line="80"/>
        <source>内容无法读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/backups.py" line="81"/>
        <source>{what} {then}（现在 {now}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="66"/>
        <source>把微信群里的接龙文字粘贴进来，生成订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="254"/>
        <location filename="../../microshop/ui/pages/orders.py" line="68"/>
        <source>快团团导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="69"/>
        <source>导入快团团后台导出的订单表；同一个团的新导出只更新状态和退款，不会重复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="255"/>
        <location filename="../../microshop/ui/pages/orders.py" line="71"/>
        <source>派送单/进货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="72"/>
        <source>按自提点或小区楼号排好的派送单、每户一张的标签，以及向供货商进货的汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="74"/>
        <source>导入/导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="76"/>
        <location filename="../../microshop/ui/pages/orders.py" line="162"/>
        <source>接龙导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="77"/>
        <source>快团团导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="78"/>
        <source>导入订单表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="80"/>
        <source>导出订单簿…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="81"/>
        <source>导出自提/配送清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="101"/>
        <source>全部自提点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="123"/>
        <source>客户：{name} ✕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="157"/>
        <source>已新增订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="157"/>
        <source>订单已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="160"/>
        <source>还没有订单。把群里的接龙整段复制过来，点右边的按钮（或在窗口里按 Ctrl+V），一次生成所有人的订单；也可以“新增订单”手动记一单，或从“导入/导出”导入订单簿。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="191"/>
        <source>选择快团团导出的订单表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="203"/>
        <source>正在读取快团团订单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="208"/>
        <source>快团团订单：新增 {orders} 单，更新 {updated} 单，新建 {customers} 位客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="211"/>
        <source>，{n} 行未导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="221"/>
        <source>选择订单表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="231"/>
        <source>订单表没有写年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="232"/>
        <source>“{name}”里有 {count} 行的日期没写年份（如“11月3日”），表里也没有可参照的年份。
这些订单是哪一年的？（跨年的表，后面的日期会自动顺延到下一年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="191"/>
        <location filename="../../microshop/ui/pages/orders.py" line="221"/>
        <location filename="../../microshop/ui/pages/products.py" line="225"/>
        <source>表格 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="178"/>
        <source>接龙：已生成 {orders} 个订单，新建 {customers_created} 位客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="181"/>
        <source>第 {seq} 条{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="182"/>
        <source>；{count} 条未导入（{reasons}{more}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="225"/>
        <location filename="../../microshop/ui/pages/orders.py" line="238"/>
        <source>正在读取订单表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="193"/>
        <location filename="../../microshop/ui/pages/orders.py" line="240"/>
        <location filename="../../microshop/ui/statement_import.py" line="106"/>
        <location filename="../../microshop/ui/statement_import.py" line="188"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="82"/>
        <source>第 {row} 行：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="241"/>
        <source>导入订单表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="242"/>
        <source>“{name}”里有 {count} 个订单可以导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="242"/>
        <source>，{count} 行会跳过。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="243"/>
        <source>
这几列没有对应的位置，不会导入：{columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="244"/>
        <source>
已经导入过的订单不会重复导入。确定导入吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orders.py" line="196"/>
        <source>导入订单表 {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="258"/>
        <source>已导入 {orders} 个订单，新建 {customers_created} 位客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="263"/>
        <location filename="../../microshop/ui/pages/products.py" line="280"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="393"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="274"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="330"/>
        <source>Excel 表格 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="272"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="401"/>
        <source>已导出到 {out}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="275"/>
        <location filename="../../microshop/ui/pages/products.py" line="292"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="398"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="280"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="335"/>
        <source>正在导出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="279"/>
        <source>导出订单簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="279"/>
        <source>订单簿.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="282"/>
        <location filename="../../microshop/ui/pages/orders.py" line="285"/>
        <source>导出自提/配送清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="282"/>
        <source>清单里要显示完整手机号吗？
（选“否”则显示为 138****5678）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="285"/>
        <source>自提清单.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="291"/>
        <source>请先选中要修改的订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="295"/>
        <source>已把 {n} 个订单改为“{status}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="302"/>
        <source>删除订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/orders.py" line="302"/>
        <source>确定删除选中的 {count} 个订单吗？此操作不能撤销。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="79"/>
        <source>搜索要分享的商品…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="89"/>
        <source>为选中的商品批量生成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="96"/>
        <source>保存海报…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="98"/>
        <location filename="../../microshop/ui/pages/posters.py" line="324"/>
        <source>复制图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="101"/>
        <source>用手机扫码，在手机上长按保存海报、复制文案（同一个 Wi-Fi）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="103"/>
        <source>店铺与邀请码设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="105"/>
        <location filename="../../microshop/ui/pages/posters.py" line="211"/>
        <source>请在左侧选择一个商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="115"/>
        <source>商品的分享文案会显示在这里</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="116"/>
        <source>复制文案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="119"/>
        <location filename="../../microshop/ui/pages/products.py" line="90"/>
        <location filename="../../microshop/ui/pages/products.py" line="243"/>
        <source>商品标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="121"/>
        <location filename="../../microshop/ui/pages/products.py" line="106"/>
        <location filename="../../microshop/ui/pages/products.py" line="245"/>
        <source>券后价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="122"/>
        <location filename="../../microshop/ui/pages/products.py" line="91"/>
        <location filename="../../microshop/ui/pages/products.py" line="249"/>
        <source>佣金比例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="124"/>
        <location filename="../../microshop/ui/pages/products.py" line="92"/>
        <source>类目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="126"/>
        <location filename="../../microshop/ui/pages/products.py" line="92"/>
        <source>活动截止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="127"/>
        <source>更新时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/backups.py" line="46"/>
        <location filename="../../microshop/services/listing.py" line="190"/>
        <location filename="../../microshop/ui/backup_dialog.py" line="53"/>
        <location filename="../../microshop/ui/item_models.py" line="119"/>
        <location filename="../../microshop/ui/main_window.py" line="44"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="92"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="160"/>
        <location filename="../../microshop/ui/pages/customers.py" line="74"/>
        <location filename="../../microshop/ui/pages/stats.py" line="133"/>
        <location filename="../../microshop/ui/pages/stats.py" line="135"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="68"/>
        <source>客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="42"/>
        <source>{label}“{text}”不是日期，请写成 YYYY-MM-DD，例如 2026-11-18。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="44"/>
        <source>{label}“{text}”不在 1990 到 2200 年之间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="57"/>
        <source>标签尺寸“{text}”写法不对，应写成 宽x高（毫米），例如 60x40、100x70。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="59"/>
        <source>标签尺寸“{text}”不合适：宽 20–300 毫米，高 15–300 毫米。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="74"/>
        <source>结束日期 {end} 早于开始日期 {start}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="164"/>
        <source>分组方式只能是 pickup（按自提点）或 building（按小区楼号）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="168"/>
        <source>（未填写）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="174"/>
        <source>自提：{point}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="175"/>
        <source>未填写小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="183"/>
        <source>送货上门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="183"/>
        <source>未填写自提点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="262"/>
        <source>进货单 {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="266"/>
        <source>共 {qty} 件，金额 ¥{amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="277"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="189"/>
        <source>进货汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/backups.py" line="46"/>
        <location filename="../../microshop/services/delivery.py" line="281"/>
        <location filename="../../microshop/services/delivery.py" line="317"/>
        <location filename="../../microshop/services/listing.py" line="191"/>
        <location filename="../../microshop/services/listing.py" line="349"/>
        <location filename="../../microshop/services/listing.py" line="407"/>
        <location filename="../../microshop/ui/backup_dialog.py" line="52"/>
        <location filename="../../microshop/ui/item_models.py" line="120"/>
        <location filename="../../microshop/ui/item_models.py" line="153"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="83"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="95"/>
        <location filename="../../microshop/ui/pages/stats.py" line="102"/>
        <location filename="../../microshop/ui/pages/stats.py" line="128"/>
        <location filename="../../microshop/ui/pages/stats.py" line="131"/>
        <location filename="../../microshop/ui/pages/stats.py" line="135"/>
        <location filename="../../microshop/ui/pages/stats.py" line="139"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="69"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="144"/>
        <source>商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="140"/>
        <location filename="../../microshop/importers/orderbook.py" line="283"/>
        <source>合计行，已忽略</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="148"/>
        <source>这一行是上面那个订单的商品，那个订单没有导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="155"/>
        <source>这个订单第 {row} 行的商品没能读入，整单未导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="285"/>
        <source>缺少客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="291"/>
        <source>下单时间“{value}”没有年份，表里也没有带年份的日期可参照：请写成 2026-10-18 14:30，或导入时选定年份（命令行加 --year 2026）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="293"/>
        <source>下单时间“{value}”看不懂，请写成 2026-10-18 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="295"/>
        <source>缺少下单时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="304"/>
        <source>状态“{value}”看不懂，可写 已付款、待付款、已下单、已发货、已完成、已退款、已取消（付款一栏也可写 已付/未付）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="311"/>
        <source>电话：{phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="327"/>
        <source>数量“{value}”看不懂，请写整数（如 2、2份、x2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="331"/>
        <location filename="../../microshop/services/delivery.py" line="281"/>
        <location filename="../../microshop/services/delivery.py" line="317"/>
        <location filename="../../microshop/services/listing.py" line="193"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="70"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="147"/>
        <source>金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="335"/>
        <source>缺少金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="337"/>
        <source>平台金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/orderbook.py" line="300"/>
        <source>未知的平台“{platform}”，可写 淘宝联盟/京东联盟/多多进宝/抖音精选联盟/快团团</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="281"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="145"/>
        <source>规格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="283"/>
        <source>进货汇总 {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="295"/>
        <source>输出文件“{name}”应以 .pdf 或 .xlsx 结尾。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="297"/>
        <source>所选日期内没有要派送的订单（已退款、已取消的不算）。请换个日期范围。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="300"/>
        <source>标签只能输出为 PDF，请把输出文件改成 .pdf。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="315"/>
        <location filename="../../microshop/services/delivery_pdf.py" line="29"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="176"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="272"/>
        <source>派送单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="316"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="317"/>
        <location filename="../../microshop/services/delivery_pdf.py" line="73"/>
        <source>楼号房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="317"/>
        <location filename="../../microshop/services/delivery_pdf.py" line="73"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="140"/>
        <source>收货人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="317"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="67"/>
        <source>跟团号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="324"/>
        <source>{name} 合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="324"/>
        <source>{n} 户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="329"/>
        <source> 合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="195"/>
        <location filename="../../microshop/services/listing.py" line="348"/>
        <location filename="../../microshop/ui/item_models.py" line="122"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="93"/>
        <source>平台订单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="196"/>
        <location filename="../../microshop/services/listing.py" line="353"/>
        <location filename="../../microshop/services/listing.py" line="453"/>
        <location filename="../../microshop/ui/item_models.py" line="157"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="93"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="71"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="316"/>
        <location filename="../../microshop/services/listing.py" line="197"/>
        <location filename="../../microshop/services/listing.py" line="292"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="94"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="190"/>
        <location filename="../../microshop/ui/pages/customers.py" line="52"/>
        <source>自提点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="289"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="290"/>
        <source>昵称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="317"/>
        <location filename="../../microshop/services/delivery_pdf.py" line="73"/>
        <location filename="../../microshop/services/listing.py" line="291"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="163"/>
        <location filename="../../microshop/ui/pages/customers.py" line="52"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="140"/>
        <source>手机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="163"/>
        <source>{date} 已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="293"/>
        <location filename="../../microshop/ui/pages/customers.py" line="52"/>
        <source>收货地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="294"/>
        <location filename="../../microshop/ui/pages/stats.py" line="33"/>
        <location filename="../../microshop/ui/pages/stats.py" line="216"/>
        <source>订单数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="295"/>
        <source>累计消费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="296"/>
        <source>最近下单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="346"/>
        <location filename="../../microshop/ui/item_models.py" line="158"/>
        <source>创建时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="406"/>
        <source>分享时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="408"/>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="409"/>
        <location filename="../../microshop/ui/pages/posters.py" line="130"/>
        <source>模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="410"/>
        <source>价格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="411"/>
        <source>佣金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="447"/>
        <source>导入时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="449"/>
        <location filename="../../microshop/ui/backup_dialog.py" line="57"/>
        <location filename="../../microshop/ui/statement_import.py" line="218"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="450"/>
        <source>行数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="451"/>
        <location filename="../../microshop/ui/statement_import.py" line="218"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="47"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="452"/>
        <location filename="../../microshop/ui/statement_import.py" line="218"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="47"/>
        <source>更新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="466"/>
        <source>已撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="466"/>
        <source>有效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="136"/>
        <source>分享文案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="142"/>
        <source>分享记录（当时的价格和佣金）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="260"/>
        <location filename="../../microshop/ui/pages/posters.py" line="275"/>
        <source>无法生成海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="230"/>
        <source>正在生成预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="213"/>
        <source>没有找到含“{text}”的商品，换个词或清空搜索框。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="215"/>
        <source>选品库里还没有商品。先在“选品库”粘贴一段分享文本（Ctrl+V）或新增商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="247"/>
        <source>这个商品还没有图片，海报上会用文字代替。可在选品库里编辑商品添加图片。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="250"/>
        <source>封面图片只有 {w}×{h}，放大到海报上会模糊，建议换一张更清晰的图片。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="276"/>
        <source>生成预览时出错：{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="284"/>
        <source>选择保存九宫格的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="287"/>
        <source>九宫格-{product_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="289"/>
        <source>保存海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="289"/>
        <source>海报-{product_id}.jpg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="290"/>
        <source>JPEG 图片 (*.jpg);;PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="308"/>
        <source>海报已保存到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="323"/>
        <source>复制第 {n}/{count} 张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="339"/>
        <source>第 {n}/{count} 张已复制，粘贴到微信后再点一次复制下一张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="342"/>
        <source>海报图片已复制，可以直接粘贴到微信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="351"/>
        <source>文案已复制，可以直接粘贴到微信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="356"/>
        <location filename="../../microshop/ui/pages/posters.py" line="367"/>
        <source>批量生成海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="356"/>
        <source>请先在左侧按住 Ctrl 或 Shift 选中多个商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="358"/>
        <source>选择保存海报的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="367"/>
        <source>已生成 {count} 张海报，保存在 {folder}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/posters.py" line="370"/>
        <source>正在生成 {count} 张海报…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="66"/>
        <source>例如 20%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="71"/>
        <source>用逗号分隔，例如 爆款，水果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="125"/>
        <location filename="../../microshop/ui/pages/products.py" line="72"/>
        <source>收藏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="128"/>
        <source>搜索标题、商品ID、类目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="134"/>
        <source>只看收藏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="53"/>
        <location filename="../../microshop/ui/pages/products.py" line="140"/>
        <source>新增商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="53"/>
        <source>编辑商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="69"/>
        <source>例如 2026-12-31，不填表示长期有效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="91"/>
        <location filename="../../microshop/ui/pages/products.py" line="218"/>
        <location filename="../../microshop/ui/pages/products.py" line="250"/>
        <source>链接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="91"/>
        <source>券后价（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="79"/>
        <source>原价（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="79"/>
        <source>优惠券（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="93"/>
        <source>图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="107"/>
        <location filename="../../microshop/ui/pages/products.py" line="246"/>
        <source>原价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="108"/>
        <location filename="../../microshop/ui/pages/products.py" line="248"/>
        <source>优惠券</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="41"/>
        <location filename="../../microshop/ui/pages/products.py" line="122"/>
        <source>选品库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="131"/>
        <source>佣金不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="131"/>
        <source>佣金 10% 以下</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="131"/>
        <source>佣金 10%–20%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="132"/>
        <source>佣金 20%–30%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="132"/>
        <source>佣金 30% 以上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="142"/>
        <location filename="../../microshop/ui/pages/products.py" line="196"/>
        <source>粘贴分享文本…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="143"/>
        <source>手动填写…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="145"/>
        <source>从表格导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="146"/>
        <source>导出选品库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="150"/>
        <source>收藏/取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="162"/>
        <source>全部标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="194"/>
        <source>选品库还是空的。在平台 App 里点“分享/复制链接”，把得到的整段文字（淘口令、京东/拼多多链接都行）复制过来，点右边的按钮，或直接在窗口里按 Ctrl+V。也可以用“新增商品”从表格导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="206"/>
        <source>粘贴分享文本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="206"/>
        <source>把平台 App 里“分享/复制链接”得到的整段文字粘贴到这里：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="213"/>
        <source>粘贴的商品预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="216"/>
        <source>新增商品（已从分享文本读取）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="218"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="219"/>
        <source>没有从文本里找到{missing}，请补充。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="221"/>
        <location filename="../../microshop/ui/pages/products.py" line="306"/>
        <source>已添加商品：{title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="225"/>
        <source>选择商品表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="229"/>
        <source>正在读取商品表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="232"/>
        <source>导入商品预览 — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="251"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="264"/>
        <source>导入 {good} 个商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="269"/>
        <source>共 {count} 行，可导入 {good} 行；红色行有问题，不会导入。已在选品库里的商品会跳过。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="136"/>
        <source>未知的平台“{platform}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="147"/>
        <source>缺少商品标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="170"/>
        <source>截止时间“{value}”看不懂，请写成 2026-12-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="202"/>
        <source>文字是空的：请把平台 App 里复制的分享文字放进来再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="207"/>
        <source>没有读出商品名：{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="209"/>
        <source>没有找到链接或价格，不像商品分享文字：{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="234"/>
        <source>选品库里已有这个商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="321"/>
        <source>导入商品表 {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/picks.py" line="328"/>
        <source>导入粘贴的商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="275"/>
        <source>已导入 {added} 个商品，跳过 {skipped} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="277"/>
        <source>正在导入商品…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="280"/>
        <source>导出选品库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="280"/>
        <source>选品库.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="288"/>
        <source>已导出 {count} 个商品到 {out}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="316"/>
        <source>商品“{title}”已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="331"/>
        <source>删除商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="331"/>
        <source>确定删除选中的 {count} 个商品吗？相关的分享记录也会一起删除，订单会保留。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/products.py" line="336"/>
        <source>已删除 {n} 个商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="51"/>
        <source>记录到账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="52"/>
        <source>请选择平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="58"/>
        <source>到账金额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="58"/>
        <source>到账时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="66"/>
        <source>请选择平台。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="67"/>
        <source>到账金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="69"/>
        <source>请填写大于 0 的到账金额。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="45"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="76"/>
        <source>对账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="91"/>
        <location filename="../../microshop/ui/pages/stats.py" line="91"/>
        <location filename="../../microshop/ui/statement_import.py" line="218"/>
        <source>月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="95"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="147"/>
        <source>导入账单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="95"/>
        <source>记录到账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="96"/>
        <source>导出对账表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="101"/>
        <source>一次选好这个月各平台的账单，可以连同自己的订单表一起选：每个文件先预览，确认一次全部导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="130"/>
        <source>账单明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="131"/>
        <source>导入记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="133"/>
        <source>月度收入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="137"/>
        <source>手动关联…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="138"/>
        <source>取消关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="139"/>
        <source>标记已处理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="140"/>
        <source>生成本地订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="162"/>
        <source>搜索平台订单号、商品…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="183"/>
        <source>撤销所选导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="204"/>
        <source>{month}：正在对账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="255"/>
        <source>{month}：预估佣金 {estimated} · 本月结算 {settled} · 失效 {lost} · 到账 {arrived}（差额 {difference}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="271"/>
        <source>{month}已有 {count} 笔带平台的订单，但还没有导入这个月的账单：到各平台后台导出这个月的订单明细（{platforms}），点右边的按钮，可以一次选几个文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="275"/>
        <source>{month}还没有账单：到各平台后台导出这个月的订单明细（{platforms}），点右边的按钮导入，可以一次选几个文件，连同你的订单表一起选；导入后这里会把它们和你的订单一笔笔对上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="308"/>
        <source>选择这个月的账单和订单表（可以一次选几个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="309"/>
        <source>账单和订单表 (*.xlsx *.xls *.csv *.ods);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="322"/>
        <source>订单表 {file}：新增 {orders} 个订单，新客户 {customers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="324"/>
        <source>，{skipped} 行未导入（重复或读不出来）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="357"/>
        <source>{count} 个账单（新增 {added} 行，更新 {updated} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="360"/>
        <source>{count} 个订单表（新增 {orders} 个订单）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="362"/>
        <source>已导入 {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="362"/>
        <source>没有导入任何文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="325"/>
        <source>{platform}：共 {rows} 行，新增 {added}，更新 {updated}，未变化 {unchanged}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="328"/>
        <source>，跳过 {skipped} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="366"/>
        <source>。{count} 个没有导入：{names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="375"/>
        <source>撤销导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="375"/>
        <source>撤销这次导入？它新增的账单行会删除，更新过的会恢复原样。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="381"/>
        <source>正在撤销导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="392"/>
        <source>导出对账表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="392"/>
        <source>对账-{month}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="417"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="420"/>
        <source>手动关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="417"/>
        <source>本月这个平台没有未被认领的账单行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="420"/>
        <source>把“{title}”（{customer}）关联到：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="441"/>
        <source>标记已处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="441"/>
        <source>备注（例如：客户没走我的链接，已知）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/reconcile.py" line="443"/>
        <source>已处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="34"/>
        <location filename="../../microshop/ui/pages/stats.py" line="132"/>
        <source>销售额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/main_window.py" line="46"/>
        <location filename="../../microshop/ui/pages/stats.py" line="79"/>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="103"/>
        <source>每单佣金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="104"/>
        <source>理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="112"/>
        <source>为所选商品做海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="115"/>
        <source>&lt;b&gt;今天分享什么&lt;/b&gt;（近期转化、每单佣金、多久没分享过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="126"/>
        <source>本月每日订单数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="127"/>
        <source>各平台收入（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="130"/>
        <source>账单行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="317"/>
        <location filename="../../microshop/ui/pages/stats.py" line="132"/>
        <source>件数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="134"/>
        <source>消费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="136"/>
        <source>买过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="136"/>
        <source>{times} 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="137"/>
        <source>通常间隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="137"/>
        <source>{usual_days} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="138"/>
        <source>距上次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="138"/>
        <source>{days_since} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="139"/>
        <source>分享次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="140"/>
        <source>7 天内订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="141"/>
        <source>带来佣金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="142"/>
        <source>每次分享佣金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="143"/>
        <source>收入趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="144"/>
        <source>每日订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="145"/>
        <source>平台收入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="148"/>
        <source>按佣金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="148"/>
        <source>按订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="153"/>
        <source>热销商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="156"/>
        <source>本月客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="157"/>
        <source>回购提醒：该再来买了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="162"/>
        <source>客户与回购</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="163"/>
        <source>分享转化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/pages/stats.py" line="178"/>
        <source>正在计算…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="28"/>
        <source>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.heic *.heif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="57"/>
        <source>添加图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="59"/>
        <source>粘贴图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="61"/>
        <source>移除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="67"/>
        <source>（也可以把图片拖到这里；第一张是封面）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="109"/>
        <source>剪贴板里的内容不是图片。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="112"/>
        <source>粘贴的图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="117"/>
        <source>{name} 只有 {w}×{h}，放到海报上会模糊，建议换一张更清晰的。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="122"/>
        <source>选择商品图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="134"/>
        <source>剪贴板里没有图片。可以先在微信或浏览器里“复制图片”，再点“粘贴图片”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/product_images.py" line="79"/>
        <location filename="../../microshop/ui/product_images.py" line="146"/>
        <source>封面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/settings_dialog.py" line="25"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/settings_dialog.py" line="32"/>
        <source>例如 invite；留空则不在链接上加邀请码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/settings_dialog.py" line="33"/>
        <source>留空则海报不加水印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="77"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/listing.py" line="120"/>
        <location filename="../../microshop/services/listing.py" line="194"/>
        <location filename="../../microshop/services/listing.py" line="347"/>
        <location filename="../../microshop/services/listing.py" line="448"/>
        <location filename="../../microshop/ui/item_models.py" line="118"/>
        <location filename="../../microshop/ui/item_models.py" line="137"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="92"/>
        <location filename="../../microshop/ui/pages/products.py" line="90"/>
        <location filename="../../microshop/ui/pages/products.py" line="244"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="58"/>
        <location filename="../../microshop/ui/pages/stats.py" line="129"/>
        <location filename="../../microshop/ui/statement_import.py" line="82"/>
        <location filename="../../microshop/ui/statement_import.py" line="149"/>
        <location filename="../../microshop/ui/statement_import.py" line="218"/>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="39"/>
        <source>自动识别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="42"/>
        <source>付款（已付款，未收货）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="42"/>
        <source>收货（已收货/已完成，待结算）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="43"/>
        <source>结算（佣金已结算）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="43"/>
        <source>失效（取消/退款，没有佣金）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="56"/>
        <source>导入账单预览 — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="90"/>
        <source>未导入的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="98"/>
        <source>识别为：&lt;b&gt;{importer}&lt;/b&gt;&#x3000;共 {rows} 行&#x3000;新增 &lt;b&gt;{added}&lt;/b&gt;&#x3000;更新 &lt;b&gt;{updated}&lt;/b&gt;&#x3000;未变化 {unchanged}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="100"/>
        <source>&#x3000;维权记录 {adjustments}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="101"/>
        <source>&#x3000;&lt;span style=&apos;color:#b00&apos;&gt;跳过 {skipped} 行&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="113"/>
        <source>&lt;b&gt;文件里有不认识的订单状态&lt;/b&gt;，请选择每个状态的意思（会被记住，下次不再询问）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="116"/>
        <source>请选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="121"/>
        <source>“{word}”（{count} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="131"/>
        <source>先选择这些状态的意思：{words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="139"/>
        <source>自定义列映射 — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="153"/>
        <source>（不使用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="165"/>
        <source>保存并继续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="170"/>
        <source>这个文件不是已知平台的格式。请指出每一项在哪一列（带 * 的必须选择），设置会被记住。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="172"/>
        <source>预览（前几行按当前映射读取的结果）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="190"/>
        <source>{order_no} · 维权 · 退款 {refund} · 扣回佣金 {clawback}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="193"/>
        <source>{order_no} · {title} · 付款 {paid} · 佣金 {estimated} · {raw_status} → {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="197"/>
        <source>（没有数据行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="216"/>
        <source>导入 {count} 个文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="250"/>
        <source>每个文件单独保存（一个文件出错不影响其他文件）；导入后账单与订单表里的订单一起核对。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="259"/>
        <source>{count} 个订单已在订单簿里，不会重复导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="261"/>
        <source>{count} 行读不出来，会跳过（第 {rows} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="264"/>
        <source>{count} 行的日期没写年份：请在“订单”页用“导入订单表”导入，可以选定年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="266"/>
        <source>这几列不会导入：{columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="268"/>
        <source>没有新订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="269"/>
        <source>我的订单表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="270"/>
        <source>{count} 个订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="398"/>
        <source>正在导入 {count} 个文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/order_dialogs.py" line="165"/>
        <location filename="../../microshop/ui/statement_import.py" line="218"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="225"/>
        <source>{count} 行会跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="227"/>
        <source>不认识的状态：{words}（这些行先按待定导入，可单独导入此文件说明意思）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="230"/>
        <location filename="../../microshop/ui/statement_import.py" line="270"/>
        <source>可以导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="234"/>
        <source>不导入：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="244"/>
        <source>全部导入（{count} 个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="308"/>
        <source>正在读取账单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="316"/>
        <source>选择平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="316"/>
        <source>

这是哪个平台的账单？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="322"/>
        <source>无法识别的账单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="322"/>
        <source>

要现在设置列映射吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="369"/>
        <source>程序出错了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="373"/>
        <source>正在读取 {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="386"/>
        <source>正在导入 {name}（{n}/{total}）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="506"/>
        <source>导入账单 {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/statement_import.py" line="407"/>
        <source>正在导入 {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/worker.py" line="87"/>
        <source>正在处理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/worker.py" line="168"/>
        <source>（没能写入日志：{reason}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/worker.py" line="170"/>
        <source>程序出错了，这一步没有完成。已保存的数据不受影响。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/worker.py" line="171"/>
        <source>错误的详细信息已记录在 {path}，可以把这个文件发给开发者。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/backups.py" line="32"/>
        <source>“{name}”来自更新版本的微店管家（结构版本 {revision}），请先升级本软件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="32"/>
        <source>用法：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="33"/>
        <source>位置参数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="34"/>
        <source>选项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="35"/>
        <source>显示这段帮助并退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="36"/>
        <source>显示版本号并退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="37"/>
        <source>缺少必需的参数：%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="38"/>
        <source>参数 %(argument_name)s：%(message)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="39"/>
        <source>没有“%(value)s”这一项（可选：%(choices)s）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="40"/>
        <source>“%(value)s”不是有效的值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="41"/>
        <source>不认识的参数：%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="42"/>
        <source>后面要跟一个值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="43"/>
        <source>后面至少要跟一个值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="44"/>
        <source>后面最多跟一个值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="45"/>
        <location filename="../../microshop/cli.py" line="46"/>
        <source>后面要跟 %s 个值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="47"/>
        <source>不能和参数 %s 一起用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="48"/>
        <source>参数 %s 至少要给一个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="49"/>
        <source>选项 %(option)s 不明确，可能是：%(matches)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="50"/>
        <source>多余的值 %r 已忽略</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="51"/>
        <source>打不开“%(filename)s”：%(error)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="68"/>
        <source>参数错误：{message}
用 --help 查看用法。
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="163"/>
        <source>年份要写成四位数，如 2026（收到“{text}”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="193"/>
        <source>订单状态“{status}”不对，可选：{choices}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="277"/>
        <location filename="../../microshop/importers/table/reading.py" line="68"/>
        <location filename="../../microshop/store/backup.py" line="94"/>
        <source>找不到文件“{path}”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="306"/>
        <source>不认识的订单状态“{status}”，可选：{choices}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="322"/>
        <source>金额写法不对：{error}，请写成 59.9 这样的数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="374"/>
        <source>--ids 写法不对：“{ids}”，应写成 1,2,3。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/cli.py" line="376"/>
        <source>请用 --ids 给出至少一个商品编号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="30"/>
        <source>待付款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="31"/>
        <location filename="../../microshop/domain/enums.py" line="94"/>
        <source>已付款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="32"/>
        <source>已下单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="33"/>
        <source>已发货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="34"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="35"/>
        <source>售后中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="36"/>
        <source>已退款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="37"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="75"/>
        <source>自提</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="75"/>
        <source>配送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="93"/>
        <location filename="../../microshop/ui/statement_import.py" line="44"/>
        <source>未付款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="95"/>
        <source>已收货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="96"/>
        <source>已结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="97"/>
        <location filename="../../microshop/domain/matching.py" line="56"/>
        <source>已失效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="109"/>
        <location filename="../../microshop/ui/main_window.py" line="42"/>
        <location filename="../../microshop/ui/pages/posters.py" line="66"/>
        <source>海报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="109"/>
        <source>文案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="132"/>
        <source>淘宝联盟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="133"/>
        <source>京东联盟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="134"/>
        <source>多多进宝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="135"/>
        <source>抖音精选联盟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="136"/>
        <source>快团团</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="137"/>
        <source>云集</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/enums.py" line="138"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/money.py" line="23"/>
        <location filename="../../microshop/domain/money.py" line="42"/>
        <source>不是金额：{value!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/money.py" line="69"/>
        <source>不是金额：{yuan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="19"/>
        <location filename="../../microshop/ui/item_models.py" line="152"/>
        <source>订单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="20"/>
        <source>子订单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="21"/>
        <location filename="../../microshop/ui/pages/products.py" line="90"/>
        <source>商品ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="22"/>
        <source>商品名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="23"/>
        <location filename="../../microshop/services/delivery.py" line="281"/>
        <location filename="../../microshop/services/listing.py" line="192"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="83"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="146"/>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="24"/>
        <location filename="../../microshop/services/listing.py" line="350"/>
        <location filename="../../microshop/ui/item_models.py" line="154"/>
        <source>付款金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="25"/>
        <location filename="../../microshop/services/listing.py" line="123"/>
        <location filename="../../microshop/services/listing.py" line="351"/>
        <location filename="../../microshop/ui/charts.py" line="121"/>
        <location filename="../../microshop/ui/item_models.py" line="125"/>
        <location filename="../../microshop/ui/item_models.py" line="138"/>
        <location filename="../../microshop/ui/item_models.py" line="155"/>
        <location filename="../../microshop/ui/pages/stats.py" line="36"/>
        <location filename="../../microshop/ui/pages/stats.py" line="130"/>
        <location filename="../../microshop/ui/pages/stats.py" line="206"/>
        <source>预估佣金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="26"/>
        <location filename="../../microshop/services/listing.py" line="352"/>
        <location filename="../../microshop/ui/item_models.py" line="156"/>
        <source>结算佣金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="27"/>
        <source>订单状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="28"/>
        <location filename="../../microshop/services/listing.py" line="189"/>
        <location filename="../../microshop/ui/item_models.py" line="117"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="92"/>
        <source>下单时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="29"/>
        <location filename="../../microshop/services/listing.py" line="354"/>
        <source>结算时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="61"/>
        <source>{platform}（自定义列映射）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="67"/>
        <source>列映射还缺少必需的列：{missing}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/mapping.py" line="80"/>
        <source>缺少订单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="145"/>
        <source>跟团号{no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="151"/>
        <source>团长备注：{note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="153"/>
        <source>部分退款 ¥{yuan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="231"/>
        <source>“{name}”不像快团团导出的订单表：没有找到“跟团号”和“商品”这两列。请在快团团后台“订单管理 → 导出订单”导出后再导入，不要改动表头。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="260"/>
        <source>缺少跟团号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="269"/>
        <source>跟团号 {group} 的第 {row} 行没有读懂，这一单整单没有导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="281"/>
        <location filename="../../microshop/importers/orderbook.py" line="354"/>
        <location filename="../../microshop/importers/statements/reader.py" line="151"/>
        <location filename="../../microshop/services/statements.py" line="189"/>
        <source>“{name}”表头下面没有订单行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="307"/>
        <location filename="../../microshop/importers/orderbook.py" line="345"/>
        <location filename="../../microshop/services/picks.py" line="162"/>
        <source>{label}“{value}”不是有效金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="309"/>
        <location filename="../../microshop/importers/orderbook.py" line="347"/>
        <source>{label}不能是负数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="317"/>
        <source>数量“{value}”不是整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="319"/>
        <location filename="../../microshop/importers/orderbook.py" line="330"/>
        <source>数量必须大于 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="326"/>
        <location filename="../../microshop/importers/orderbook.py" line="323"/>
        <source>缺少商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="329"/>
        <source>商品金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="330"/>
        <location filename="../../microshop/importers/orderbook.py" line="333"/>
        <source>单价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="333"/>
        <source>商品“{text}”看不懂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="353"/>
        <source>订单状态“{word}”不认识，这一单没有导入；请把这个状态告诉我们，或在快团团里确认后手工录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="358"/>
        <source>支付时间“{value}”看不懂，请写成 2026-11-18 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="360"/>
        <source>缺少支付时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="361"/>
        <location filename="../../microshop/importers/ktt.py" line="406"/>
        <source>订单金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="362"/>
        <location filename="../../microshop/importers/ktt.py" line="409"/>
        <source>退款金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="403"/>
        <source>这一行有规格、数量或金额，却没有商品名，没有导入；请核对这一行的列是否错位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/ktt.py" line="432"/>
        <source>缺少订单金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/columns.py" line="167"/>
        <location filename="../../microshop/importers/statements/platforms.py" line="121"/>
        <source>缺少{label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/columns.py" line="263"/>
        <source>“{label}”的值“{value}”看不懂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/columns.py" line="98"/>
        <source>不认识的订单状态“{raw}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/columns.py" line="108"/>
        <source>“{name}”里有不认识的订单状态：{words}。请说明每个状态的意思（付款/收货/结算/失效）后再导入：在导入预览里选择，或在命令行加 --status-map &quot;状态=paid,…&quot;（可选 unpaid、paid、received、settled、invalid）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/columns.py" line="133"/>
        <source>状态对应“{part}”写法不对，应写成 状态=paid（可选 unpaid、paid、received、settled、invalid，或 付款、收货、结算、失效）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/platforms.py" line="18"/>
        <source>淘宝联盟 订单明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/platforms.py" line="45"/>
        <source>淘宝联盟 TaokeDetail（旧版）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/platforms.py" line="67"/>
        <source>淘宝联盟 维权订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/platforms.py" line="92"/>
        <source>京东联盟 推广订单明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/platforms.py" line="128"/>
        <source>多多进宝 推广订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/platforms.py" line="157"/>
        <source>抖音精选联盟 订单明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/detection.py" line="28"/>
        <source>“{name}”同时像 {labels} 的账单，无法确定，请在导入时指定平台。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/detection.py" line="40"/>
        <source>“{name}”不像{importer}的账单：缺少列 {missing}。请确认平台选对了，且表头没有被改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/detection.py" line="42"/>
        <source>“{name}”里没有找到{platform}账单的表头，请确认文件和平台选对了。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/detection.py" line="44"/>
        <source>无法识别“{name}”是哪个平台的账单（没有找到认识的表头）。请确认这是平台导出的原始订单明细，或在导入时指定平台；其他平台可用“自定义列映射”导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/detection.py" line="58"/>
        <source>没有为这种表格设置过{platform}的列映射，请先设置列映射。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/reader.py" line="40"/>
        <source>未知的平台“{platform}”，可选：{choices}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/statements/reader.py" line="48"/>
        <source>“{name}”里没有任何数据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="70"/>
        <source>“{name}”是空文件，请重新导出后再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/safety.py" line="37"/>
        <source>“{name}”解压后异常巨大（{size_mb} MB），可能是恶意文件，已拒绝导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/safety.py" line="39"/>
        <source>“{name}”太大（解压后 {size_mb} MB，远超一个月的明细），Excel 格式一次读不下。请按月或按周分开导出，或导出为 CSV 后再导入（CSV 可以逐行读取）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/safety.py" line="48"/>
        <source>“{name}”里含有不安全的 XML 定义（DOCTYPE/ENTITY），已拒绝导入。请用 Excel 重新另存后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/safety.py" line="55"/>
        <source>“{name}”不是完整的表格文件（压缩包已损坏或下载不完整），请重新导出后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/safety.py" line="91"/>
        <source>“{name}”的共享字符串表声明了 {count} 项，与文件内容不符，可能是恶意或损坏的文件，已拒绝导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/safety.py" line="105"/>
        <source>“{name}”已损坏：工作表内容在第 {line} 行第 {column} 个字符处不完整。请重新导出原始文件后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/safety.py" line="114"/>
        <location filename="../../microshop/importers/table/safety.py" line="171"/>
        <source>“{name}”的工作表范围异常（到第 {rows} 行、第 {cols} 列），可能是恶意或损坏的文件，已拒绝导入。请只保留订单明细后另存再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="97"/>
        <source>“{name}”设置了密码，请在 Excel 中取消密码后另存，再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="99"/>
        <source>“{name}”无法读取：文件已损坏、下载不完整，或不是表格文件。请重新导出原始文件后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="158"/>
        <source>“{name}”太大（{size_mb} MB），不像一个平台导出的明细。请按月份分开导出后再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="163"/>
        <source>“{name}”不是文本表格（CSV），也不是 Excel 文件，请检查是否选错了文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="171"/>
        <source>“{name}”有一行多达 {count} 列，不像平台导出的明细，已拒绝导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="175"/>
        <source>“{name}”的 CSV 格式有误（{error}），请用 Excel 打开后另存为 CSV 再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/reading.py" line="204"/>
        <location filename="../../microshop/importers/table/reading.py" line="239"/>
        <source>“{name}”的文字编码无法识别，请用 Excel 另存为“CSV UTF-8”后再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/cells.py" line="69"/>
        <source>没有找到表头，或缺少必需的列：{missing}。请确认选的是正确的文件，且没有删改表头。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/cells.py" line="99"/>
        <source>“{column}”列的编号已被 Excel 改成了数字（例如 {value:.6g}），后几位已经丢失，无法对上订单。请重新从平台导出原始文件，不要用 Excel 打开后再保存；或把该列设为“文本”格式后重新粘贴。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/table/cells.py" line="108"/>
        <source>“{column}”列的编号是科学计数法（{text}），后几位已经丢失。请重新导出原始文件后再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/customers.py" line="36"/>
        <location filename="../../microshop/ui/pages/customers.py" line="67"/>
        <source>客户姓名不能为空。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/customers.py" line="39"/>
        <source>手机号“{phone}”位数不对，请检查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/customers.py" line="42"/>
        <location filename="../../microshop/services/customers.py" line="63"/>
        <location filename="../../microshop/services/orders.py" line="186"/>
        <source>这个客户已被删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/customers.py" line="107"/>
        <source>请选择两位不同的客户来合并。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/customers.py" line="110"/>
        <source>要合并的客户已被删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/customers.py" line="112"/>
        <source>其中一位客户已经合并过了。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/demo.py" line="73"/>
        <source>数据库里已经有商品或订单，为避免和你的数据混在一起，演示数据只能加载到空的数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/images.py" line="60"/>
        <source>找不到图片“{name}”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/images.py" line="70"/>
        <location filename="../../microshop/services/images.py" line="118"/>
        <source>图片“{name}”太大（{width}×{height}），请先缩小到 6000×6000 以内再添加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/images.py" line="78"/>
        <source>“{name}”不是能识别的图片，或者图片过大。请换一张 JPG/PNG 图片。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/images.py" line="77"/>
        <location filename="../../microshop/services/images.py" line="80"/>
        <location filename="../../microshop/services/images.py" line="116"/>
        <location filename="../../microshop/services/images.py" line="195"/>
        <source>图片“{name}”已损坏或没有下载完整，请重新保存原图后再添加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/images.py" line="165"/>
        <source>磁盘空间已满，图片没有保存。请清理磁盘后再添加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/images.py" line="166"/>
        <source>图片没有保存：{reason}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/income.py" line="151"/>
        <source>未知的平台“{platform}”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/income.py" line="153"/>
        <source>到账金额必须大于 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="57"/>
        <source>商品对应关系“{part}”写法不对，应写成 商品名=商品编号，例如 荔枝=3。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="81"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="249"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="250"/>
        <source>新客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="98"/>
        <source>没有在接龙里找到带价格的商品（例如“荔枝 5斤 ¥59.9”），请把接龙的开头一起粘贴进来。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="103"/>
        <source>没有在接龙里找到编号的报名行（例如“1. 张姐 2份”）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="101"/>
        <location filename="../../microshop/services/jielong.py" line="108"/>
        <source>接龙里没有商品“{label}”，可选：{products}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="47"/>
        <source>价格“{part}”写法不对，应写成 商品名=价格（元），例如 鲜肉包=3.5。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="111"/>
        <source>选品库里没有编号为 {product_id} 的商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="120"/>
        <source>接龙里这些商品没有价格：{labels}。请填上价格（命令行用 --price 商品名=价格），或关联到选品库里有价格的商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="126"/>
        <source>看不懂：{raw}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="127"/>
        <source>已取消：{raw}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="132"/>
        <source>正在生成第 {n} 个订单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="135"/>
        <source>这一条之前已导入过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="202"/>
        <source>之前已导入过（同一个接龙的第 {seq} 条），这次不会重复生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/jielong.py" line="213"/>
        <source>接龙导入 {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orderbook.py" line="44"/>
        <location filename="../../microshop/ui/pages/orders.py" line="260"/>
        <source>正在导入订单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orderbook.py" line="47"/>
        <source>与已有订单重复，未重复导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orders.py" line="72"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="125"/>
        <source>订单至少要有一件商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orders.py" line="75"/>
        <source>“{title}”的数量必须大于 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orders.py" line="77"/>
        <source>“{title}”的金额不能是负数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orders.py" line="79"/>
        <source>未知的订单状态“{status}”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/orders.py" line="83"/>
        <location filename="../../microshop/services/orders.py" line="123"/>
        <location filename="../../microshop/services/reconcile.py" line="576"/>
        <source>这个订单已被删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="8"/>
        <source>朋友圈竖版 1080×1920</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="8"/>
        <source>方形 1080×1080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="9"/>
        <source>价格卡片 1080×640</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="9"/>
        <source>九宫格（商品图 + 二维码）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="10"/>
        <source>朋友圈竖版</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="10"/>
        <source>方形</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="11"/>
        <source>九宫格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/templates.py" line="11"/>
        <source>价格卡片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/posters.py" line="69"/>
        <source>商品没有链接，无法生成二维码。请先填写商品链接。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/posters.py" line="77"/>
        <source>链接太长（{length} 个字符），海报上的二维码会太密、不好扫。请在平台 App 里复制“短链接”后再生成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/posters.py" line="302"/>
        <source>未知的海报模板“{template}”，可选：{choices}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/posters.py" line="326"/>
        <source>无法保存海报到“{out}”：{reason}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="81"/>
        <source>活动截止“{text}”看不懂，请写成 2026-12-31（不填表示长期有效）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="98"/>
        <location filename="../../microshop/services/products.py" line="100"/>
        <source>佣金比例“{text}”看不懂，请写成 20% 或 20 这样的数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="104"/>
        <source>佣金比例“{text}”应在 0% 到 100% 之间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="112"/>
        <source>找不到编号为 {product_id} 的商品（可能已被删除）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="120"/>
        <source>商品标题不能为空。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="122"/>
        <source>未知的平台“{platform_key}”，可选：{choices}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="125"/>
        <source>{label}不能是负数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/products.py" line="247"/>
        <source>“{title}”还没有链接，二维码需要链接。请先编辑商品填写链接。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="54"/>
        <source>已匹配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="55"/>
        <source>金额不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="57"/>
        <source>平台无记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="58"/>
        <source>未记录的平台订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="62"/>
        <source>本地订单和平台账单对上了，佣金会按平台的结算走，不用处理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="63"/>
        <source>订单号对上了，但平台记的金额和你记的不一样（差额一列）：核对是否改过价、部分退款，或改正订单金额。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="64"/>
        <source>平台把这些订单判为失效（退款、取消或违规），没有佣金：确认是否真的退了，必要时找平台申诉。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="65"/>
        <source>你记了订单，平台账单里却没有：客户可能没走你的链接下单，或账单还没导入；可手动关联或标记已处理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/matching.py" line="66"/>
        <source>平台有这笔佣金，你的订单簿里没有：多半是别人通过你的链接买的，可以“生成本地订单”补上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/reconcile.py" line="569"/>
        <location filename="../../microshop/services/reconcile.py" line="633"/>
        <source>这条账单行已不存在（可能撤销了导入）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/reconcile.py" line="592"/>
        <source>请选择要标记的订单或账单行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/reconcile.py" line="635"/>
        <source>这条账单行没有下单时间，无法生成订单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/report.py" line="195"/>
        <source>近 30 天分享 {shares} 次带来 {orders} 单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/report.py" line="196"/>
        <source>从未分享过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/report.py" line="196"/>
        <source>{days} 天前分享过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/report.py" line="197"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="362"/>
        <source>，</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="71"/>
        <source>正在读取第 {n:,} 行（共约 {total:,} 行）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="74"/>
        <source>正在导入第 {n:,} 行（共约 {total:,} 行）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="72"/>
        <source>正在读取第 {n:,} 行…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="75"/>
        <source>正在导入第 {n:,} 行…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="93"/>
        <source>状态“{word}”的意思不对，可选：付款、收货、结算、失效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="194"/>
        <source>“{name}”的 {rows} 行都没能读入，没有导入任何内容（{reasons}）。请检查文件是否完整、选的平台是否正确。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="439"/>
        <source>没有编号为 {import_id} 的导入记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="441"/>
        <source>这次导入已经撤销过了。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="450"/>
        <source>之后的导入又修改了这些账单行，请先撤销之后的导入，再撤销这一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="573"/>
        <source>读取账单的子进程意外退出（退出码 {code}）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/statements.py" line="588"/>
        <source>读取账单的子进程出错：
{trace}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/xlsx.py" line="71"/>
        <source>无法写入“{name}”：文件可能正在 Excel 中打开，请关闭后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery_pdf.py" line="46"/>
        <location filename="../../microshop/services/xlsx.py" line="73"/>
        <source>无法写入“{path}”：{reason}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="33"/>
        <source>备份文件不能和当前数据库是同一个文件，请换一个保存位置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="35"/>
        <source>“{dest}”是一个文件夹，请给出备份文件的名字，例如 备份.sqlite3。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="39"/>
        <source>无法创建文件夹“{folder}”：{reason}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="57"/>
        <source>磁盘空间已满，备份没有完成（没有留下不完整的备份文件）。请清理磁盘后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="59"/>
        <source>无法在“{folder}”里写入备份：文件夹是只读的或没有权限。请换一个保存位置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="60"/>
        <source>备份失败：{error}。请检查磁盘空间和文件权限后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="63"/>
        <source>无法写入备份文件“{dest}”：{reason}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="97"/>
        <source>“{name}”不是微店管家的备份文件（不是数据库文件）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="103"/>
        <source>“{name}”不是微店管家的数据库（缺少必要的数据表）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="106"/>
        <source>“{name}”不是完整的微店管家数据库（数据表结构不对：{what}），不能用来恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="110"/>
        <source>“{name}”已损坏（完整性检查未通过），不能用来恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="112"/>
        <source>“{name}”已损坏（有指向不存在记录的数据），不能用来恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="117"/>
        <source>“{name}”无法读取或已损坏：{error}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="119"/>
        <source>“{name}”不是完整的微店管家数据库（没有结构版本）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="149"/>
        <source>要恢复的文件就是当前数据库，无需恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="153"/>
        <source>正在进行“{what}”，现在不能恢复（否则这次导入的内容会丢失）。请等它完成后再恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="179"/>
        <source>数据库正被另一个窗口或命令占用（可能正在导入），请等它完成后再恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="180"/>
        <location filename="../../microshop/store/backup.py" line="185"/>
        <source>恢复失败：{reason}。当前数据库未改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="183"/>
        <source>恢复失败：文件夹“{folder}”是只读的（{reason}）。当前数据库未改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="192"/>
        <source>每日自动备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="192"/>
        <source>每周自动备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="192"/>
        <source>升级前备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="193"/>
        <source>恢复前备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="193"/>
        <source>撤销导入前备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/backup.py" line="194"/>
        <source>手动备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="139"/>
        <source>“{path}”是一个文件夹，请给出数据库文件的路径。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="145"/>
        <source>无法创建数据文件夹“{folder}”：{reason}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="248"/>
        <source>“{name}”不是微店管家的数据库（里面已有别的数据表），请选择其他文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="252"/>
        <source>“{name}”由更新版本的微店管家创建（结构版本 {current}），请升级本软件后再打开。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="268"/>
        <source>无法读取“{path}”：{reason}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="270"/>
        <source>“{name}”不是数据库文件，请检查路径是否选错。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="280"/>
        <source>数据库正被另一个窗口或命令占用，请稍后再试（或关闭另一个微店管家窗口）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="283"/>
        <source>数据库文件“{path}”是只读的，请检查文件权限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="285"/>
        <source>磁盘空间已满，数据未保存。请清理磁盘后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="289"/>
        <source>数据文件夹“{folder}”是只读的，微店管家无法在里面打开数据库（需要写入日志文件）。请把这个文件夹改为可写，或用 --db 指定另一个位置的数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="291"/>
        <source>无法打开数据库文件“{path}”，请检查文件夹是否存在、是否有读写权限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/store/database.py" line="293"/>
        <source>“{name}”已损坏或不是数据库文件，可以从备份恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/app.py" line="38"/>
        <source>启动微店管家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/app.py" line="39"/>
        <source>数据库文件（默认在用户数据文件夹）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/app.py" line="40"/>
        <source>启动时向空数据库加载演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/app.py" line="42"/>
        <source>打开主窗口、检查字体和翻译后退出，结果以 JSON 打印（用于安装后的检查）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/app.py" line="93"/>
        <source>打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="121"/>
        <source>订单平台金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="123"/>
        <source>账单付款金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="124"/>
        <source>差额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="126"/>
        <source>账单状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="318"/>
        <location filename="../../microshop/services/delivery_pdf.py" line="73"/>
        <location filename="../../microshop/ui/item_models.py" line="127"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="94"/>
        <location filename="../../microshop/ui/order_dialogs.py" line="162"/>
        <location filename="../../microshop/ui/pages/customers.py" line="53"/>
        <location filename="../../microshop/ui/pages/products.py" line="93"/>
        <location filename="../../microshop/ui/pages/reconcile.py" line="59"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="140"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="127"/>
        <source>手动关联 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="127"/>
        <source>已处理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/delivery.py" line="280"/>
        <location filename="../../microshop/ui/item_models.py" line="137"/>
        <source>合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="139"/>
        <location filename="../../microshop/ui/pages/stats.py" line="37"/>
        <location filename="../../microshop/ui/pages/stats.py" line="207"/>
        <source>本月结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="140"/>
        <source>失效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="141"/>
        <source>维权扣回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="142"/>
        <location filename="../../microshop/ui/pages/stats.py" line="35"/>
        <source>加价收入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="144"/>
        <source>到账差额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/item_models.py" line="151"/>
        <location filename="../../microshop/ui/pages/products.py" line="242"/>
        <source>行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/table_model.py" line="168"/>
        <source>（已删除）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/domain/timeutil.py" line="79"/>
        <source>月份格式不对：{month!r}，请写成 YYYY-MM（1990 到 2200 年），例如 2026-10。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/ktt.py" line="40"/>
        <source>导入快团团订单 {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/ktt.py" line="108"/>
        <location filename="../../microshop/ui/pages/orders.py" line="201"/>
        <source>正在导入快团团订单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="47"/>
        <source>已导入过，不变</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="56"/>
        <source>导入快团团订单 — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="59"/>
        <source>团：{group}。新增 {added} 单，更新 {updated} 单（状态、退款或商品有变化），{same} 单已导入过不变。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="60"/>
        <source>（表里没写）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="62"/>
        <source>{n} 行没有导入，原因见下方。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="66"/>
        <source>导入后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="68"/>
        <source>（新客户）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="72"/>
        <source>自提点/地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="87"/>
        <source>导入 {n} 单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="87"/>
        <source>没有要导入的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="110"/>
        <source>派送单与进货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="120"/>
        <source>全部团</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="129"/>
        <source>按自提点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="130"/>
        <source>按小区 → 楼号 → 房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="132"/>
        <source>显示完整手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="137"/>
        <source>{width} × {height} 毫米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="140"/>
        <source>楼号房号 / 分组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="159"/>
        <source>导出 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="161"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="184"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="163"/>
        <source>导出标签 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="165"/>
        <source>打印派送单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="167"/>
        <source>打印标签…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="172"/>
        <source>标签尺寸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="182"/>
        <source>复制为文字（发给供货商）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="192"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="192"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="192"/>
        <source>团</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="243"/>
        <source>{name}（{n} 户，{qty} 件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="255"/>
        <source>共 {n} 户、{qty} 件要派送（已退款、已取消的订单不算）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="256"/>
        <source>这段日期里没有要派送的订单。先在“订单”页导入快团团订单或接龙，或换个日期。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="261"/>
        <source>共 {qty} 件，金额 {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="274"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="275"/>
        <source>导出{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="283"/>
        <location filename="../../microshop/ui/tuanzhang.py" line="286"/>
        <source>已保存到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="309"/>
        <source>打印标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="309"/>
        <source>打印派送单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="317"/>
        <source>正在准备打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="323"/>
        <source>进货单已复制，可以直接粘贴到微信发给供货商。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/tuanzhang.py" line="330"/>
        <source>导出进货汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/phone.py" line="295"/>
        <source>端口 {port} 不对，应在 0 到 65535 之间（0 表示自动选择）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/phone.py" line="297"/>
        <source>时长 {minutes} 分钟不对，应在 1 到 1440 之间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/phone.py" line="306"/>
        <source>无法在 {host}:{port} 上启动：{reason}。换一个端口或网络后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/phone_dialog.py" line="62"/>
        <source> 分钟后停止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/phone_dialog.py" line="73"/>
        <source>用手机相机或浏览器扫码打开（手机和电脑要连同一个 Wi-Fi）。长按海报 → 保存图片；点“复制文案”后去微信粘贴。
打不开时：确认连的是同一个 Wi-Fi；Windows 弹出防火墙提示时选“允许”；在微信里扫码后点右上角 ··· → 在浏览器打开。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/phone_dialog.py" line="78"/>
        <source>停止并关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/phone_dialog.py" line="81"/>
        <source>网络</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/phone_dialog.py" line="104"/>
        <source>这台电脑现在没有连上局域网（Wi-Fi 或网线），手机无法打开。连上网络后再点“发到手机”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/phone_dialog.py" line="125"/>
        <source>已到时间，已停止。需要时再点“发到手机”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/ui/phone_dialog.py" line="129"/>
        <source>正在提供：最近的海报、文案和今天的自提清单。{minutes} 分钟后自动停止。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/services/book.py" line="56"/>
        <source>“{name}”已经存在。新建数据库请换一个名字；要打开它，请用“文件 → 打开数据库…”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/jielong.py" line="176"/>
        <source>接龙里没有列出商品，不知道要的是什么；请在接龙开头写上商品和价格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/jielong.py" line="179"/>
        <source>只写了数量，没写要哪个商品（这个接龙有 {count} 个商品），请在左边补上商品名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/jielong.py" line="181"/>
        <source>没看懂要什么，请在左边改好（如“张三 {product}2”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/jielong.py" line="493"/>
        <source>同上（第 {seq} 条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/jielong.py" line="667"/>
        <source>写的是“{written}”，按 {qty} 记，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../microshop/importers/jielong.py" line="719"/>
        <location filename="../../microshop/importers/jielong.py" line="741"/>
        <source>写的是“{written}”，按 {qty} 份记</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
