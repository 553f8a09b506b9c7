<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountActions</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="68"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="86"/>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="90"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="86"/>
        <source>Approve {what}?</source>
        <translation>审核通过{what}？</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="98"/>
        <source>Reason (the county sees it):</source>
        <translation>原因（县区可以看到）：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="106"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="109"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="123"/>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="125"/>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="125"/>
        <source>Backed up to:</source>
        <translation>已备份到：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="131"/>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="136"/>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="144"/>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="147"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="132"/>
        <source>Backups (*.sqlite)</source>
        <translation>备份文件 (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="137"/>
        <source>Replace all data with this backup? The current data is kept as a backup first.</source>
        <translation>用这个备份替换全部数据吗？当前数据会先另存为备份。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/actions.py" line="148"/>
        <source>Restored. The replaced data was kept as:</source>
        <translation>已恢复。被替换的数据已保存为：</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="23"/>
        <source>Change log</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="29"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="34"/>
        <source>All forms</source>
        <translation>全部报表</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="39"/>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="74"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="47"/>
        <source>From YYYY-MM-DD</source>
        <translation>起始日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="50"/>
        <source>To YYYY-MM-DD</source>
        <translation>截止日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="59"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="62"/>
        <source>Export CSV…</source>
        <translation>导出CSV…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="73"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="73"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="73"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="74"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="74"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="75"/>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="75"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="75"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="87"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="90"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message numerus="yes">
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="157"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="163"/>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="172"/>
        <source>Export CSV</source>
        <translation>导出CSV</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_view.py" line="174"/>
        <source>Exported %1 row(s) to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="20"/>
        <source>figure</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="21"/>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="22"/>
        <source>form state</source>
        <translation>表单状态</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="23"/>
        <source>account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="24"/>
        <source>store</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="25"/>
        <source>due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="26"/>
        <source>data package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/audit_words.py" line="27"/>
        <source>signing key</source>
        <translation>签名密钥</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/grid.py" line="226"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/grid.py" line="238"/>
        <source>Why the figure is right (e.g. a new centre opened)</source>
        <translation>说明该数据为何无误（例如新建了一家中心）</translation>
    </message>
</context>
<context>
    <name>CommentEdit</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/field.py" line="130"/>
        <source>A comment holds at most {n} characters; the rest was not taken</source>
        <translation>说明最多 {n} 字，多出的部分未录入</translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="83"/>
        <source>Not filled</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="83"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="83"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="84"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="84"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="107"/>
        <source>Changed, to be submitted again</source>
        <translation>已修改，待重新提交</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="123"/>
        <source>{filled} of {counted} fields filled</source>
        <translation>已填 {filled} / {counted} 项</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="129"/>
        <source>{year}: </source>
        <translation>{year}年：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="130"/>
        <source>{status} {count}</source>
        <translation>{status} {count}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/completeness.py" line="131"/>
        <source>Overdue {count}</source>
        <translation>逾期 {count}</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="111"/>
        <source>Due dates for %1</source>
        <translation>%1年数据截止日期</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="123"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="63"/>
        <source>Export package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="64"/>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="89"/>
        <source>Package files (*.jzhpkg)</source>
        <translation>数据包文件 (*.jzhpkg)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="66"/>
        <source>Exporting package</source>
        <translation>正在导出数据包</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="73"/>
        <source>Export Excel workbook</source>
        <translation>导出Excel工作簿</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="74"/>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="96"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="76"/>
        <source>Exporting workbook</source>
        <translation>正在导出工作簿</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="81"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="81"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="89"/>
        <source>Import package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="96"/>
        <source>Import Excel workbook</source>
        <translation>导入Excel工作簿</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="105"/>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="119"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="127"/>
        <source>Backup made before the import: {path}</source>
        <translation>导入前已备份：{path}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/actions.py" line="129"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
</context>
<context>
    <name>FieldSearch</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/search.py" line="16"/>
        <source>Find a field</source>
        <translation>查找指标</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/search.py" line="28"/>
        <source>&amp;Name or code:</source>
        <translation>名称或代码(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="110"/>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="112"/>
        <source>No accounts exist yet. Create the administrator account; it manages users, backups and restores. Keep the password safe.</source>
        <translation>还没有任何账户。请创建管理员账户，用于管理用户、备份和恢复。请妥善保管密码。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="125"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="126"/>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 个字符）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="127"/>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="141"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="145"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="134"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="134"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="134"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="135"/>
        <source>Last year</source>
        <translation>上年</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="135"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="195"/>
        <source>comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="198"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="201"/>
        <source>Who changed this figure, when, old → new (Ctrl+H)</source>
        <translation>谁在何时修改了此数据，原值 → 新值（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="232"/>
        <source>computed</source>
        <translation>自动计算</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="259"/>
        <source>Total of the counties; entered by each county</source>
        <translation>各县（市、区）合计，由各县填报，此处只读</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="284"/>
        <source>This form has been approved and is locked; it can only be read.</source>
        <translation>本表已审核通过并锁定，只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/form_view.py" line="473"/>
        <source>Explained: {comment}</source>
        <translation>已说明：{comment}</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/grid.py" line="103"/>
        <source>Explained: {comment}</source>
        <translation>已说明：{comment}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/grid.py" line="105"/>
        <source>Comment: {text}</source>
        <translation>说明：{text}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/grid.py" line="107"/>
        <source>Press Ctrl+M to give the comment this figure needs</source>
        <translation>按 Ctrl+M 为此数据填写所需的说明</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/grid.py" line="304"/>
        <source>Type the figure first: a comment belongs to a figure</source>
        <translation>请先填写数据：说明是针对某个数据的</translation>
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
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="17"/>
        <source>form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="18"/>
        <source>grid</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="19"/>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="20"/>
        <source>package import</source>
        <translation>数据包导入</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="21"/>
        <source>Excel import</source>
        <translation>Excel 导入</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="22"/>
        <source>migration</source>
        <translation>数据迁移</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="23"/>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="24"/>
        <source>user management</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="25"/>
        <source>sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="26"/>
        <source>restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="36"/>
        <source>History of {name}</source>
        <translation>「{name}」的修改历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="39"/>
        <source>{org}, {year}: {name}</source>
        <translation>{org} {year}年：{name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="43"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="43"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="43"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="44"/>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="44"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="50"/>
        <source>figure</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="50"/>
        <source>comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="51"/>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="52"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="61"/>
        <source>No change of this figure has been recorded.</source>
        <translation>此数据尚无修改记录。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/history_dialog.py" line="64"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="24"/>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="29"/>
        <source>File: {name}
Unit: {unit}   Years: {years}   Catalogue version: {version}</source>
        <translation>文件：{name}
单位：{unit}&#x3000;年度：{years}&#x3000;指标目录版本：{version}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="40"/>
        <source>New ({n})</source>
        <translation>新增（{n}）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="40"/>
        <source>Changed ({n})</source>
        <translation>修改（{n}）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="41"/>
        <source>Unchanged ({n})</source>
        <translation>未变（{n}）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="41"/>
        <source>Conflicting ({n})</source>
        <translation>冲突（{n}）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="57"/>
        <source>Not in this program&apos;s catalogue, will not be imported: {codes}</source>
        <translation>以下项目不在本程序的指标目录中，不会导入：{codes}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="65"/>
        <source>The package also brings {n} figure(s) of the year before, shown under &quot;Last year&quot; where this station has none of its own; they are for comparison only and are not imported.</source>
        <translation>数据包还附带上一年度的 {n} 项数据，在本机没有该年数据时显示在“上年”列中；仅供对照，不会导入。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="74"/>
        <source>The file matches this station&apos;s data: there is nothing to import.</source>
        <translation>文件与本站数据一致，没有需要导入的内容。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="77"/>
        <source>{n} item(s) will be written in one step; conflicting items are left as they are.</source>
        <translation>将一次写入 {n} 项；有冲突的项目保持不变。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="80"/>
        <source>Fingerprint &amp;matches, import</source>
        <translation>指纹一致，导入(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="80"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="85"/>
        <source>Each tab lists its first {max} items; the counts in the tab titles cover the whole file.</source>
        <translation>每个标签页只列出前 {max} 条；标签上的条数是整个文件的。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="99"/>
        <source>Signed by {operator}, {unit} station. Key fingerprint: {fingerprint}</source>
        <translation>签名：{unit}站 {operator}。密钥指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="103"/>
        <source>This is the first package signed with this key. Read the fingerprint to the sender by phone (they see it under Help → About) and import only if it matches; later packages are checked against it.</source>
        <translation>这是首次收到用此密钥签名的数据包。请电话与对方核对指纹（对方可在“帮助 → 关于”中看到），一致才导入；以后的数据包都将以此密钥核验。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="108"/>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="108"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="108"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="108"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="108"/>
        <source>Last year</source>
        <translation>上年</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="109"/>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="109"/>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="109"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/preview_dialog.py" line="109"/>
        <source>Why not applied</source>
        <translation>未导入原因</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="28"/>
        <source>County station: {org}</source>
        <translation>县级站点：{org}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="30"/>
        <source>City station</source>
        <translation>市级站点</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="32"/>
        <source>Station not set up</source>
        <translation>站点未设置</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="34"/>
        <source>Store: {store}</source>
        <translation>数据文件：{store}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="83"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="55"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/login.py" line="56"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="61"/>
        <source>Jiaozuo health statistics</source>
        <translation>焦作市卫生健康统计</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="227"/>
        <source> (city&apos;s own figures)</source>
        <translation>（市本级）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="234"/>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="534"/>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="235"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="237"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="166"/>
        <source>Pasted {count} cells; each one was checked</source>
        <translation>已粘贴 {count} 个单元格，均已校验</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="270"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="271"/>
        <source>Grid</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="272"/>
        <source>Completeness</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="89"/>
        <source>Store: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="70"/>
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="321"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="325"/>
        <source>County station: {org} · operator {name}</source>
        <translation>县级站：{org} · 操作员 {name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="327"/>
        <source>City station · operator {name}</source>
        <translation>市级站 · 操作员 {name}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="328"/>
        <source>Station not set up</source>
        <translation>站点未设置</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="426"/>
        <source>Every required field of this form is filled</source>
        <translation>本表必填项均已填写</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="444"/>
        <source>This field is not typed here</source>
        <translation>此指标不在本单位填报</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="477"/>
        <source>Cannot open the form</source>
        <translation>无法打开表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="483"/>
        <source>Form status: {status}</source>
        <translation>表单状态：{status}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="505"/>
        <source>Changed, to be submitted again</source>
        <translation>已修改，待重新提交</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="542"/>
        <source>Cannot open the grid</source>
        <translation>无法打开表格</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="551"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="553"/>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="555"/>
        <source>No unsaved changes</source>
        <translation>无未保存的修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="161"/>
        <source>Nothing to save</source>
        <translation>没有需要保存的修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="58"/>
        <source>Not saved: {count} error(s) to fix first (marked red)</source>
        <translation>未保存：有 {count} 处错误需先改正（红色标记）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="75"/>
        <source>Not saved: the figures marked amber need a comment</source>
        <translation>未保存：黄色标记的数据需要填写说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="176"/>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="188"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="183"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="107"/>
        <source>Not saved: {count} cell(s) marked red need fixing</source>
        <translation>未保存：有 {count} 个红色单元格需要改正</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/save_flow.py" line="120"/>
        <source>Not saved: the cells marked amber need a comment (Ctrl+M on the cell)</source>
        <translation>未保存：黄色标记的单元格需要填写说明（在单元格上按 Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/issue_list.py" line="58"/>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="419"/>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/issue_list.py" line="41"/>
        <source>The check could not run: {why}</source>
        <translation>检查未能完成：{why}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="611"/>
        <source>Put the cursor in a field to see its history</source>
        <translation>请先把光标放在某个数据上，再查看其历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/main_window.py" line="618"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="23"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="24"/>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="25"/>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="26"/>
        <source>Re&amp;view</source>
        <translation>审核(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="27"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/menus.py" line="28"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="49"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="51"/>
        <source>&amp;Reload from the store</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="53"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="55"/>
        <source>&amp;Undo last edit</source>
        <translation>撤销上一步修改(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="57"/>
        <source>&amp;Discard all unsaved edits</source>
        <translation>放弃全部未保存的修改(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="59"/>
        <source>Edit &amp;comment of this figure</source>
        <translation>编辑此数据的说明(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="61"/>
        <source>&amp;History of this figure</source>
        <translation>此数据的修改历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="63"/>
        <source>&amp;Form view</source>
        <translation>表单视图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="65"/>
        <source>&amp;Grid view</source>
        <translation>表格视图(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="67"/>
        <source>&amp;Next domain</source>
        <translation>下一个领域(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="69"/>
        <source>&amp;Previous domain</source>
        <translation>上一个领域(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="71"/>
        <source>Domain &amp;list</source>
        <translation>领域列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="73"/>
        <source>Next &amp;issue</source>
        <translation>下一个问题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="75"/>
        <source>Pre&amp;vious issue</source>
        <translation>上一个问题(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="77"/>
        <source>Next empty &amp;required field</source>
        <translation>转到下一个未填必填项(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="79"/>
        <source>&amp;Search for a field…</source>
        <translation>查找指标(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="82"/>
        <source>&amp;Completeness</source>
        <translation>完成情况(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="85"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="88"/>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="90"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="43"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/window_actions.py" line="44"/>
        <source>The new language is used from the next start of the program.</source>
        <translation>新语言将在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/background.py" line="64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="109"/>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="54"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="55"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="56"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="59"/>
        <source>&amp;Zoom</source>
        <translation>缩放(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="133"/>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="139"/>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="142"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="133"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/preview.py" line="139"/>
        <source>Cannot save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="30"/>
        <source>Annual statistical report</source>
        <translation>年度统计报表</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="31"/>
        <source>Special page (newspaper layout)</source>
        <translation>专版（报纸版式）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="32"/>
        <source>The year&apos;s targets (newspaper layout)</source>
        <translation>年度目标（报纸版式）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="33"/>
        <source>Blank form (for filling on paper)</source>
        <translation>空白报表（纸质填报）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="41"/>
        <source>&amp;Headline</source>
        <translation>大标题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="42"/>
        <source>Byli&amp;ne</source>
        <translation>署名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="43"/>
        <source>&amp;Editor</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="44"/>
        <source>P&amp;roofreader</source>
        <translation>校对(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="45"/>
        <source>&amp;Layout</source>
        <translation>组版(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="72"/>
        <source>&amp;Document</source>
        <translation>报表类型(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="73"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="74"/>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="85"/>
        <source>&amp;Build and preview</source>
        <translation>生成并预览(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="96"/>
        <source>Page options</source>
        <translation>版面选项</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="103"/>
        <source>Loa&amp;d</source>
        <translation>载入(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="107"/>
        <source>Sa&amp;ve as preset</source>
        <translation>保存为预设(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="113"/>
        <source>Pr&amp;eset</source>
        <translation>预设(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="135"/>
        <source>Choose a p&amp;hoto…</source>
        <translation>选择图片(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="141"/>
        <source>&amp;Photo</source>
        <translation>图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="145"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="147"/>
        <source>The earlier year the page compares with; it must hold data</source>
        <translation>版面对比的较早年份，该年须有数据</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="148"/>
        <source>Compare &amp;with year</source>
        <translation>对比年份(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="160"/>
        <source>&amp;Sections</source>
        <translation>栏目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="195"/>
        <source>not a date (YYYY-MM-DD)</source>
        <translation>不是日期（年-月-日）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="58"/>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="260"/>
        <source>Build a report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="106"/>
        <source>New preset name</source>
        <translation>新预设名称</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="284"/>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="291"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="119"/>
        <source>The issue date printed on the page, as YYYY-MM-DD; empty means today</source>
        <translation>印在版面上的出版日期，格式为 年-月-日；留空即今天</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="38"/>
        <source>Series t&amp;itle</source>
        <translation>栏目标题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="39"/>
        <source>Page na&amp;me</source>
        <translation>版名(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="40"/>
        <source>Pa&amp;ge number</source>
        <translation>版次(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="46"/>
        <source>&amp;Closing summary</source>
        <translation>结束语（总结框）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="47"/>
        <source>Photo capti&amp;on</source>
        <translation>图片说明(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="48"/>
        <source>Photogr&amp;apher</source>
        <translation>摄影(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="126"/>
        <source>Issue da&amp;te</source>
        <translation>出版日期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="201"/>
        <source>Choose a photo</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/dialog.py" line="201"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>ServerSignInDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/server_sign_in.py" line="48"/>
        <source>Sign in to the city server</source>
        <translation>登录市级服务器</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/server_sign_in.py" line="52"/>
        <source>City server: {store}</source>
        <translation>市级服务器：{store}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="25"/>
        <source>Set up this station</source>
        <translation>站点设置</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="27"/>
        <source>This program keeps its data on this computer. Tell it whose data it holds.</source>
        <translation>本程序的数据保存在这台电脑上。请设置本站点保存哪个单位的数据。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="31"/>
        <source>County station (one county-level unit)</source>
        <translation>县级站（一个县级单位）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="32"/>
        <source>City station (the city and all counties)</source>
        <translation>市级站（全市及各县）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="37"/>
        <source>Station type:</source>
        <translation>站点类型：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="43"/>
        <source>&amp;County:</source>
        <translation>县（市、区）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="46"/>
        <source>your name, recorded with every change</source>
        <translation>您的姓名，每次修改都会记录</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="47"/>
        <source>&amp;Operator:</source>
        <translation>操作员(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="64"/>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="66"/>
        <source>The administrator manages user accounts, backups and restores. Everyone signs in from now on; keep this password safe.</source>
        <translation>管理员负责管理用户账户、备份和恢复。此后每个人都要登录使用；请妥善保管这个密码。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="78"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="79"/>
        <source>&amp;Password (at least 8 characters):</source>
        <translation>密码（至少 8 个字符）(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="80"/>
        <source>&amp;Repeat the password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="90"/>
        <source>Please enter the operator&apos;s name.</source>
        <translation>请填写操作员姓名。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/setup_dialog.py" line="93"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SubmitAllDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="20"/>
        <source>Submit all finished forms of the year</source>
        <translation>提交本年全部已完成表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="22"/>
        <source>{unit}, {year}: forms ready to submit are marked ✓</source>
        <translation>{unit} {year}年：可提交的表单标有 ✓</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="28"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="28"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="28"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="46"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="59"/>
        <source>Already delivered</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="61"/>
        <source>Nothing typed yet</source>
        <translation>尚未填写</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="64"/>
        <source>{n} error(s)</source>
        <translation>{n} 处错误</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="66"/>
        <source>{n} required field(s) empty</source>
        <translation>{n} 个必填项未填</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="68"/>
        <source>{n} warning(s) without a comment</source>
        <translation>{n} 条提醒未说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="69"/>
        <source>Complete, ready to submit</source>
        <translation>已完成，可提交</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="88"/>
        <source>&amp;Submit the {n} ready form(s)</source>
        <translation>提交可提交的 {n} 张表(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="95"/>
        <source>Nothing was submitted: {why}</source>
        <translation>未提交任何表单：{why}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="103"/>
        <source>Submitted {n} form(s): {names}.</source>
        <translation>已提交 {n} 张表：{names}。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/submit_all.py" line="105"/>
        <source>{n} form(s) not submitted; the list says what they still need.</source>
        <translation>另有 {n} 张表未提交，列表中写明还需处理的内容。</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="24"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="24"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="25"/>
        <source>Comparison</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="25"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="26"/>
        <source>Wording on the plan page</source>
        <translation>年度目标专版上的措辞</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="27"/>
        <source>at least (以上)</source>
        <translation>以上</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="28"/>
        <source>at most (以下)</source>
        <translation>以下</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="29"/>
        <source>about (左右)</source>
        <translation>左右</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="30"/>
        <source>exactly</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="38"/>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="133"/>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="156"/>
        <source>Targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="48"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="48"/>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="78"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="80"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="129"/>
        <source>%n target(s) set</source>
        <translation>
            <numerusform>已设定 %n 项目标</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="134"/>
        <source>Unsaved targets are discarded. Continue?</source>
        <translation>未保存的目标将被放弃。继续吗？</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="148"/>
        <source>Nothing to save</source>
        <translation>没有需要保存的修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../jzhealth_desktop/ui/targets/view.py" line="159"/>
        <source>Saved: %n target(s) changed</source>
        <translation>
            <numerusform>已保存，更改 %n 项目标</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="17"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="22"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="22"/>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="41"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="22"/>
        <source>County</source>
        <translation>所属县（区）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="22"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="40"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="42"/>
        <source>County (clerks)</source>
        <translation>所属县（区）（县级统计员）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="43"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="47"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="48"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="49"/>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="67"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="67"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="69"/>
        <source>(locked)</source>
        <translation>（已锁定）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="90"/>
        <source>User added.</source>
        <translation>已添加用户。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="94"/>
        <source>Password reset.</source>
        <translation>密码已重置。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/manage.py" line="101"/>
        <source>Account updated.</source>
        <translation>账户已更新。</translation>
    </message>
</context>
<context>
    <name>ValueEdit</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/field.py" line="42"/>
        <source>Whole numbers only</source>
        <translation>只能填整数</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/forms/field.py" line="45"/>
        <source>At most {n} decimal places</source>
        <translation>最多{n}位小数</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/recovery.py" line="22"/>
        <source>The data file cannot be opened</source>
        <translation>无法打开数据文件</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/recovery.py" line="23"/>
        <source>The data file cannot be opened:</source>
        <translation>无法打开数据文件：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/recovery.py" line="26"/>
        <source>Damaged data file</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/recovery.py" line="27"/>
        <source>The data file failed its check and will not be opened:</source>
        <translation>数据文件未通过完整性检查，不会打开：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/recovery.py" line="31"/>
        <source>No good backup was found. Ask the administrator for help.</source>
        <translation>没有找到完好的备份。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/recovery.py" line="33"/>
        <source>Restore the newest good backup?</source>
        <translation>是否恢复最新的完好备份？</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/recovery.py" line="42"/>
        <source>Restored. The damaged file was kept as:</source>
        <translation>已恢复。损坏的文件已保存为：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="24"/>
        <source>&amp;Submit…</source>
        <translation>提交(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="25"/>
        <source>Submit all &amp;finished forms of the year…</source>
        <translation>提交本年全部已完成表单(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="27"/>
        <source>&amp;Approve</source>
        <translation>审核通过(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="28"/>
        <source>R&amp;eturn…</source>
        <translation>退回(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="29"/>
        <source>Re&amp;open…</source>
        <translation>重新打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="30"/>
        <source>Change &amp;log…</source>
        <translation>修改记录(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="31"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="32"/>
        <source>&amp;Restore…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="33"/>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/accounts/__init__.py" line="34"/>
        <source>&amp;Due dates…</source>
        <translation>截止日期(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/application.py" line="287"/>
        <source>The program cannot start:</source>
        <translation>程序无法启动：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/application.py" line="289"/>
        <source>The details were written to the log file:</source>
        <translation>详细信息已写入日志文件：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/application.py" line="290"/>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/application.py" line="296"/>
        <source>The program ended abnormally last time</source>
        <translation>程序上次异常终止</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/application.py" line="297"/>
        <source>The program ended abnormally the last time it ran. Data already saved is kept. The details were written to the log file:</source>
        <translation>程序上次运行时异常终止。已保存的数据仍在。详细信息已写入日志文件：</translation>
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
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="26"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="27"/>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="28"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="40"/>
        <source>Changed by someone else</source>
        <translation>数据已被他人修改</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="41"/>
        <source>Reload the form now? Your unsaved edits will be lost.</source>
        <translation>是否立即重新载入？您未保存的修改将丢失。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="56"/>
        <source>{year}-{month}-{day}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="66"/>
        <source>This form was returned on {date}. After the change it must be submitted again. Continue?</source>
        <translation>此表已于{date}退回。修改后需要重新提交。继续？</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="69"/>
        <source>This form was submitted on {date}. After the change it must be submitted again and the package exported again. Continue?</source>
        <translation>此表已于{date}提交。修改后需要重新提交，并重新导出数据包。继续？</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="72"/>
        <source>Change a submitted form</source>
        <translation>修改已提交的表单</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="81"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="82"/>
        <source>Submit {what} to the city? The city reviews it next.</source>
        <translation>提交{what}？提交后由市里审核。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="153"/>
        <source>Saved to:</source>
        <translation>已保存到：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/dialogs.py" line="155"/>
        <source>&amp;Open containing folder</source>
        <translation>打开所在文件夹(&amp;O)</translation>
    </message>
</context>
<context>
    <name>due</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="24"/>
        <source>due {year}-{month}-{day}</source>
        <translation>截止 {year}年{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="28"/>
        <source>{count} warning(s) need a comment</source>
        <translation>{count} 条提醒待说明</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="36"/>
        <source>{days} days left</source>
        <translation>还剩 {days} 天</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="38"/>
        <source>due today</source>
        <translation>今天截止</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="39"/>
        <source>{days} days overdue</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="83"/>
        <source>{name} ({due}, {days})</source>
        <translation>{name}（{due}，{days}）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="86"/>
        <source> — {pending}</source>
        <translation>，{pending}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="88"/>
        <source>Still due for {year}:</source>
        <translation>{year}年尚未报送：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/due.py" line="89"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/errors.py" line="40"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/errors.py" line="43"/>
        <source>The program ran into an unexpected error; the last action was not completed.
Data already saved is not affected. Unsaved entries are still in the window: check them and save again; if the error comes back, restart the program.</source>
        <translation>程序遇到意外错误，刚才的操作没有完成。
已保存的数据不受影响。未保存的输入仍在窗口中：请核对后重新保存；如果错误再次出现，请重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/errors.py" line="48"/>
        <source>The details were written to the log file:</source>
        <translation>详细信息已写入日志文件：</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/errors.py" line="55"/>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/errors.py" line="59"/>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/errors.py" line="73"/>
        <source>Unexpected error ({n} times)</source>
        <translation>意外错误（{n} 次）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/errors.py" line="77"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/__init__.py" line="16"/>
        <source>Export package…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/__init__.py" line="17"/>
        <source>Import package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/__init__.py" line="18"/>
        <source>Export Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/exchange/__init__.py" line="19"/>
        <source>Import Excel…</source>
        <translation>导入Excel…</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="70"/>
        <source>&lt;b&gt;Jiaozuo health statistics&lt;/b&gt; (jzhealth-desktop)</source>
        <translation>&lt;b&gt;焦作市卫生健康统计&lt;/b&gt;（jzhealth-desktop）</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="71"/>
        <source>Version: {version}</source>
        <translation>版本：{version}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="72"/>
        <source>Store: {store}</source>
        <translation>数据库：{store}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="73"/>
        <source>Catalogue version: {version}</source>
        <translation>指标目录版本：{version}</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="87"/>
        <source>Package key: made at the first export</source>
        <translation>数据包密钥：首次导出时生成</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="88"/>
        <source>Package key fingerprint: &lt;b&gt;{fingerprint}&lt;/b&gt;</source>
        <translation>数据包密钥指纹：&lt;b&gt;{fingerprint}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/help.py" line="93"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/__init__.py" line="17"/>
        <source>Build a report…</source>
        <translation>生成报表…</translation>
    </message>
    <message>
        <location filename="../../jzhealth_desktop/ui/reports/__init__.py" line="42"/>
        <source>Building the report…</source>
        <translation>正在生成报表…</translation>
    </message>
</context>
<context>
    <name>targets</name>
    <message>
        <location filename="../../jzhealth_desktop/ui/targets/__init__.py" line="10"/>
        <source>&amp;Targets…</source>
        <translation>年度目标(&amp;T)…</translation>
    </message>
</context>
</TS>
