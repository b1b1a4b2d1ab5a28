<#ftl encoding="UTF-8">
<#assign oneYear = (years?string == "1")>
Hi ${customer.preferredName},

Today it is <#if oneYear>exactly one year<#else>${years} years</#if> since we started working together.
I just wanted to say thank you – for your trust, for your patience on
the days when not everything went smoothly, and for the good
conversations along the way.

I am looking forward to the years ahead. If there is ever anything I can
do for you, just reply to this email.

<#if (links.recommend)??>
Do you know someone we could help as well? Recommend them here:
${links.recommend}

</#if>
Warm regards,
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
You are receiving this email as a customer of
${company.name}.
If you would rather not receive emails like this, unsubscribe here:
${links.unsubscribe}
</#if>
