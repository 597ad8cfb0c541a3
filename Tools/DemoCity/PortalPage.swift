/// The whole page a city portal serves around a published article: its head (styles and scripts), the site's
/// header and two-level menu, the breadcrumb, the article's information table and tools, links to the unit's
/// other reports, and the footer with the site's registrations. Written for the demo; the addresses are made up.
enum PortalPage {
    /// The page's parts that come from the report.
    struct Article {
        let title: String
        let charsetLabel: String
        let unit: DemoUnit
        let year: Int
        let informationTable: String
        let body: String
    }

    static func render(_ article: Article) -> String {
        let related = (1...4).map { offset in
            let year = article.year - offset
            return "<li><a href=\"/zwgk/zfxxgknb/\(article.unit.id)/\(year)/\" target=\"_blank\">"
                + "\(article.unit.body)\(year)年政府信息公开工作年度报告</a></li>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head>
            <meta http-equiv="Content-Type" content="text/html; charset=\(article.charsetLabel)">
            <meta http-equiv="X-UA-Compatible" content="IE=edge">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <meta name="SiteName" content="晋江市人民政府"><meta name="ColumnName" content="政府信息公开年报">
            <meta name="ArticleTitle" content="\(article.title)"><meta name="ContentSource" content="\(article.unit.body)">
            <title>\(article.title)_晋江市人民政府</title>
            <link rel="stylesheet" type="text/css" href="/static/css/common.css">
            <link rel="stylesheet" type="text/css" href="/static/css/article.css">
            <script type="text/javascript" src="/static/js/jquery.min.js"></script>
            <script type="text/javascript" src="/static/js/common.js"></script>
            \(style)
            </head>
            <body>
            \(header)
            <div class="container"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgk/">政府信息公开</a> &gt; <a href="/zwgk/zfxxgknb/">政府信息公开年报</a> &gt; <span>正文</span></div>
            <div class="article-box">
            \(article.informationTable)
            <div class="article-title">\(article.title)</div>
            <div class="article-tools"><span>来源：\(article.unit.body)</span><span class="font-size">字号：<a href="javascript:setFontSize(18)">大</a> <a href="javascript:setFontSize(16)">中</a> <a href="javascript:setFontSize(14)">小</a></span><span class="views">浏览次数：<em id="viewCount"></em></span></div>
            <div class="TRS_Editor">
            \(article.body)
            </div>
            <div class="article-share">分享到：<a class="share-wechat" href="javascript:void(0)">微信</a><a class="share-weibo" href="javascript:void(0)">微博</a><a class="share-qq" href="javascript:void(0)">QQ空间</a></div>
            <div class="article-print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
            <div class="related"><div class="related-title">相关信息</div><ul>
            \(related)
            </ul></div>
            </div></div>
            \(footer)
            \(script)
            </body></html>

            """
    }

    private static let style = """
        <style type="text/css">
        .article-box{width:1000px;margin:0 auto;padding:30px 60px;background:#fff;border:1px solid #e5e5e5}
        .article-title{font-size:26px;line-height:40px;color:#c00;text-align:center;font-weight:bold;padding:20px 0}
        .article-tools{border-bottom:1px dashed #ccc;text-align:center;color:#666;padding-bottom:10px}
        .article-tools span{margin:0 12px}.TRS_Editor{font-size:16px;line-height:2;padding:20px 0}
        .TRS_Editor table{margin:0 auto;border-collapse:collapse}.TRS_Editor td{padding:4px;font-size:14px}
        .related{margin-top:30px;border-top:2px solid #c00}.related li{line-height:32px;list-style:square inside}
        .crumb{line-height:44px;color:#555}.crumb a{color:#555}.meta{width:100%;background:#f7f7f7;border:1px solid #ddd}
        </style>
        """

    private static let menus: [(String, String, [(String, String)])] = [
        ("首页", "/", []),
        ("走进晋江", "/zjjj/", [("晋江概况", "jjgk"), ("历史沿革", "lsyg"), ("行政区划", "xzqh"), ("自然地理", "zrdl"), ("晋江名人", "jjmr")]),
        (
            "政务公开", "/zwgk/",
            [
                ("政府信息公开指南", "zfxxgkzn"), ("政府信息公开制度", "zfxxgkzd"), ("法定主动公开内容", "fdzdgknr"),
                ("政府信息公开年报", "zfxxgknb"), ("依申请公开", "ysqgk"), ("政策文件", "zcwj"), ("政策解读", "zcjd"),
                ("财政资金", "czzj"), ("重点领域信息公开", "zdlyxxgk"), ("建议提案办理", "jytabl"),
            ]
        ),
        ("政务服务", "/zwfw/", [("个人办事", "grbs"), ("法人办事", "frbs"), ("便民服务", "bmfw"), ("办事指南", "bszn"), ("表格下载", "bgxz")]),
        ("互动交流", "/hdjl/", [("市长信箱", "szxx"), ("在线访谈", "zxft"), ("征集调查", "zjdc"), ("咨询投诉", "zxts"), ("常见问题", "cjwt")]),
        ("专题专栏", "/ztzl/", [("优化营商环境", "yhyshj"), ("乡村振兴", "xczx"), ("民生实事", "msss"), ("安全生产", "aqsc")]),
    ]

    private static let header: String = {
        let items = menus.map { title, path, children in
            let links = children.map { "<li><a href=\"\(path)\($0.1)/\">\($0.0)</a></li>" }.joined()
            return "<li class=\"menu\"><a href=\"\(path)\">\(title)</a>"
                + (links.isEmpty ? "" : "<ul class=\"submenu\">\(links)</ul>") + "</li>"
        }.joined(separator: "\n")
        return """
            <div class="topbar"><div class="container"><span class="welcome">欢迎访问晋江市人民政府门户网站</span><a href="/wza/">无障碍浏览</a> | <a href="/zhanqun/">网站群</a> | <a href="/english/">English</a> | <a href="javascript:void(0)" onclick="toggleCare()">长者模式</a></div></div>
            <div class="header"><div class="container"><a class="logo" href="/"><img src="/static/images/logo.png" alt="晋江市人民政府"></a>
            <form class="search" action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div></div>
            <div class="nav"><ul class="container">
            \(items)
            </ul></div>
            """
    }()

    private static let footer = """
        <div class="footer"><div class="container">
        <div class="footer-links"><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a> | <a href="/yjfk/">意见反馈</a></div>
        <p>主办：晋江市人民政府办公室　承办：晋江市大数据服务中心</p>
        <p>网站标识码：0000000000　闽ICP备00000000号　闽公网安备 00000000000000号</p>
        <p>建议使用 1366×768 以上分辨率，以及新版浏览器浏览本站</p>
        <div class="footer-icons"><a href="/jiucuo/"><img src="/static/images/jiucuo.png" alt="政府网站找错"></a><a href="/dzjg/"><img src="/static/images/dzjg.png" alt="党政机关"></a></div>
        </div></div>
        """

    private static let script = """
        <script type="text/javascript">
        (function () {
          window.setFontSize = function (size) {
            var editor = document.querySelector('.TRS_Editor');
            if (editor) { editor.style.fontSize = size + 'px'; }
          };
          window.toggleCare = function () { document.body.classList.toggle('care-mode'); };
          var counter = document.getElementById('viewCount');
          if (counter && window.fetch) {
            fetch('/counter/?page=' + encodeURIComponent(location.pathname)).then(function (response) {
              return response.ok ? response.text() : '';
            }).then(function (text) { counter.textContent = text; })['catch'](function () {});
          }
          if (document.querySelectorAll) {
            var menus = document.querySelectorAll('.nav .menu');
            for (var i = 0; i < menus.length; i++) {
              menus[i].onmouseenter = function () { this.className = 'menu open'; };
              menus[i].onmouseleave = function () { this.className = 'menu'; };
            }
          }
        })();
        </script>
        """
}
