<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompletenessView</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="54"/>
        <source>Not filled</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="54"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="54"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="55"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="55"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="73"/>
        <source>{filled} of {counted} fields filled</source>
        <translation>已填 {filled} / {counted} 项</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="76"/>
        <source>{year}: </source>
        <translation>{year}年：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="77"/>
        <source>{status} {count}</source>
        <translation>{status} {count}</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="129"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="129"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="129"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="130"/>
        <source>Last year</source>
        <translation>上年</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="130"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="160"/>
        <source>comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="163"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="166"/>
        <source>Who changed this figure, when, old → new (Ctrl+H)</source>
        <translation>谁在何时修改了此数据，原值 → 新值（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="191"/>
        <source>computed</source>
        <translation>自动计算</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="218"/>
        <source>Total of the counties; entered by each county</source>
        <translation>各县（市、区）合计，由各县填报，此处只读</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="241"/>
        <source>This form has been approved and is locked; it can only be read.</source>
        <translation>本表已审核通过并锁定，只能查看，不能修改。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="18"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="20"/>
        <source>History of {name}</source>
        <translation>「{name}」的修改历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="23"/>
        <source>{org}, {year}: {name}</source>
        <translation>{org} {year}年：{name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="27"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="27"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="27"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="28"/>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="28"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="34"/>
        <source>figure</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="34"/>
        <source>comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="35"/>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="36"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="41"/>
        <source>No change of this figure has been recorded.</source>
        <translation>此数据尚无修改记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="51"/>
        <source>Jiaozuo health statistics</source>
        <translation>焦作市卫生健康统计</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="102"/>
        <source> (city&apos;s own figures)</source>
        <translation>（市本级）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="109"/>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="317"/>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="110"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="112"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="136"/>
        <source>Pasted {count} cells; each one was checked</source>
        <translation>已粘贴 {count} 个单元格，均已校验</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="141"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="142"/>
        <source>Grid</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="143"/>
        <source>Completeness</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="169"/>
        <source>Store: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="187"/>
        <source>County station: {org} · operator {name}</source>
        <translation>县级站：{org} · 操作员 {name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="189"/>
        <source>City station · operator {name}</source>
        <translation>市级站 · 操作员 {name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="190"/>
        <source>Station not set up</source>
        <translation>站点未设置</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="287"/>
        <source>Cannot open the form</source>
        <translation>无法打开表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="291"/>
        <source>Form status: {status}</source>
        <translation>表单状态：{status}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="324"/>
        <source>Cannot open the grid</source>
        <translation>无法打开表格</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="332"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="334"/>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="336"/>
        <source>No unsaved changes</source>
        <translation>无未保存的修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="351"/>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="394"/>
        <source>Nothing to save</source>
        <translation>没有需要保存的修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="356"/>
        <source>Not saved: {count} error(s) to fix first (marked red)</source>
        <translation>未保存：有 {count} 处错误需先改正（红色标记）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="369"/>
        <source>Not saved: the figures marked amber need a comment</source>
        <translation>未保存：黄色标记的数据需要填写说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="374"/>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="414"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="378"/>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="420"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="397"/>
        <source>Not saved: {count} cell(s) marked red need fixing</source>
        <translation>未保存：有 {count} 个红色单元格需要改正</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="461"/>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="475"/>
        <source>Put the cursor in a field to see its history</source>
        <translation>请先把光标放在某个数据上，再查看其历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="480"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="34"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="35"/>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="36"/>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="37"/>
        <source>Re&amp;view</source>
        <translation>审核(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="38"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="39"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="44"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="46"/>
        <source>&amp;Reload from the store</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="49"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="51"/>
        <source>&amp;Undo last edit</source>
        <translation>撤销上一步修改(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="53"/>
        <source>&amp;Discard all unsaved edits</source>
        <translation>放弃全部未保存的修改(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="55"/>
        <source>Edit &amp;comment of this figure</source>
        <translation>编辑此数据的说明(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="57"/>
        <source>&amp;History of this figure</source>
        <translation>此数据的修改历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="60"/>
        <source>&amp;Form view</source>
        <translation>表单视图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="62"/>
        <source>&amp;Grid view</source>
        <translation>表格视图(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="64"/>
        <source>&amp;Next domain</source>
        <translation>下一个领域(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="66"/>
        <source>&amp;Previous domain</source>
        <translation>上一个领域(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="69"/>
        <source>&amp;Completeness</source>
        <translation>完成情况(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="72"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="82"/>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="84"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="89"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="90"/>
        <source>The new language is used from the next start of the program.</source>
        <translation>新语言将在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/background.py" line="55"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="19"/>
        <source>Set up this station</source>
        <translation>站点设置</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="21"/>
        <source>This program keeps its data on this computer. Tell it whose data it holds.</source>
        <translation>本程序的数据保存在这台电脑上。请设置本站点保存哪个单位的数据。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="25"/>
        <source>County station (one county-level unit)</source>
        <translation>县级站（一个县级单位）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="26"/>
        <source>City station (the city and all counties)</source>
        <translation>市级站（全市及各县）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="31"/>
        <source>Station type:</source>
        <translation>站点类型：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="37"/>
        <source>&amp;County:</source>
        <translation>县（市、区）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="40"/>
        <source>your name, recorded with every change</source>
        <translation>您的姓名，每次修改都会记录</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="41"/>
        <source>&amp;Operator:</source>
        <translation>操作员(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="21"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="22"/>
        <source>{what} has unsaved changes. Save them?</source>
        <translation>{what}有未保存的修改，是否保存？</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="36"/>
        <source>Changed by someone else</source>
        <translation>数据已被他人修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="37"/>
        <source>Reload the form now? Your unsaved edits will be lost.</source>
        <translation>是否立即重新载入？您未保存的修改将丢失。</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="35"/>
        <source>&lt;b&gt;Jiaozuo health statistics&lt;/b&gt; (jzhealth-desktop)</source>
        <translation>&lt;b&gt;焦作市卫生健康统计&lt;/b&gt;（jzhealth-desktop）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="36"/>
        <source>Version: {version}</source>
        <translation>版本：{version}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="37"/>
        <source>Store: {store}</source>
        <translation>数据库：{store}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="38"/>
        <source>Catalogue version: {version}</source>
        <translation>指标目录版本：{version}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="43"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
</TS>
