<#ftl encoding="UTF-8">
<#assign n = (days!"0")?number>
<#assign ago = (n == 1)?then("a day", (n == 7)?then("a week", (n == 14)?then("two weeks", (n gt 0)?then(n?c + " days", ""))))>
<#if ago?has_content>${ago?cap_first} later<#else>After your recent issue</#if> – is all well, ${customer.preferredName}?