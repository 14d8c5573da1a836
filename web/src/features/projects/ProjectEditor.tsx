import { useState } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import type { ProjectDetail, ProjectStage } from '../../api/types';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages.zh';
import { STAGES, useStageLabel, type StageLabels } from '../../lib/stage-label';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { createProject, loadProjects, updateProject, type ProjectBody } from './projects-api';

const NATURES = ['new', 'continued', 'preparatory'] as const;
const LEVELS = ['province', 'city', 'district'] as const;
const DATES = ['plannedStart', 'actualStart', 'plannedEnd', 'actualEnd'] as const;
type TextField =
  | 'category'
  | 'industry'
  | 'town'
  | 'park'
  | 'location'
  | 'capacity'
  | 'funding'
  | 'yearGoal'
  | 'leader'
  | 'leadContact'
  | 'ownerCompany'
  | 'ownerContact';

type DateField = (typeof DATES)[number];
type Values = Omit<ProjectBody, DateField | 'stageDate'> & {
  stageDate?: Dayjs | null;
} & Partial<Record<DateField, Dayjs | null>>;

function valuesOf(p: ProjectDetail): Values {
  const date = (d: string | null) => (d ? dayjs(d) : null);
  return {
    ...p,
    plannedStart: date(p.plannedStart),
    actualStart: date(p.actualStart),
    plannedEnd: date(p.plannedEnd),
    actualEnd: date(p.actualEnd),
  };
}

/** The form's values as the API takes them: dates as YYYY-MM-DD, a cleared date as null. */
function bodyOf(v: Values): ProjectBody {
  const { stageDate, plannedStart, actualStart, plannedEnd, actualEnd, ...rest } = v;
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
  return {
    ...rest,
    ...(stageDate && { stageDate: stageDate.format('YYYY-MM-DD') }),
    plannedStart: day(plannedStart),
    actualStart: day(actualStart),
    plannedEnd: day(plannedEnd),
    actualEnd: day(actualEnd),
    parentId: rest.parentId ?? null,
  };
}

interface Props {
  /** The project to edit; none to create one. */
  project?: ProjectDetail;
  stageLabels: StageLabels | undefined;
  onDone: () => void;
}

/**
 * The office enters a key project's whole record (名称, 上级项目, 阶段, 建设性质, 级别, 类别, 产业, 镇街, 园区,
 * investment, units, 包联领导 …) or edits it; a stale edit says someone else changed it and shows theirs.
 */
export function ProjectEditorButton({ project, stageLabels, onDone }: Props) {
  const { t } = useI18n();
  const { regionId, units } = useRegion();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { run, busy } = useWrite();
  const stageLabel = useStageLabel(stageLabels);
  const parents = useLoad(
    () => (open ? loadProjects(regionId, {}, 0, 200) : Promise.resolve(null)),
    `${regionId}|${String(open)}`,
  ).data;
  const editing = project !== undefined;

  const submit = async () => {
    const body = bodyOf(await form.validateFields());
    let createdId = '';
    const saved = await run(
      async () => {
        if (project) {
          // The stage moves by its own action, with a date and (going back) a reason; an edit never moves it.
          const patch: Partial<ProjectBody> = { ...body };
          delete patch.stage;
          delete patch.stageDate;
          await updateProject(project.id, project.version, patch);
        } else createdId = (await createProject(regionId, body)).id;
      },
      {
        success: t(editing ? 'prj.saved' : 'prj.created'),
        onError: (e) => {
          // Someone else saved first: show what is stored now, so the clerk redoes the change on it.
          if (e instanceof ApiError && e.status === 412) {
            setOpen(false);
            onDone();
          }
          return false;
        },
      },
    );
    if (!saved) return;
    setOpen(false);
    if (createdId) void navigate(`/r/${regionId}/projects/${createdId}`);
    else onDone();
  };

  const text = (name: TextField, max: number) => (
    <Col xs={24} md={12} xl={8} key={name}>
      <Form.Item name={name} label={t(`prj.${name}`)} rules={[{ max }]}>
        <Input maxLength={max} data-testid={`project-${name}`} />
      </Form.Item>
    </Col>
  );
  const amount = (name: 'totalInvestment' | 'yearPlan' | 'investedBefore', label: string) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item name={name} label={label} rules={[{ type: 'number', min: 0 }]}>
        <InputNumber min={0} style={{ width: '100%' }} data-testid={`project-${name}`} />
      </Form.Item>
    </Col>
  );

  const choice = (name: 'nature' | 'level', values: readonly string[]) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item name={name} label={t(`prj.${name}`)} rules={[{ required: true }]}>
        <Select
          options={values.map((v) => ({ value: v, label: t(`prj.${name}.${v}` as MessageKey) }))}
          data-testid={`project-${name}`}
        />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Button
        type={editing ? 'default' : 'primary'}
        onClick={() => {
          form.resetFields();
          form.setFieldsValue(
            project
              ? valuesOf(project)
              : {
                  nature: 'new',
                  level: 'district',
                  planYear: dayjs().year(),
                  inStatistics: false,
                },
          );
          setOpen(true);
        }}
        data-testid={editing ? 'edit-project' : 'new-project'}
      >
        {t(editing ? 'prj.edit' : 'prj.new')}
      </Button>
      <Modal
        open={open}
        title={t(editing ? 'prj.edit' : 'prj.new')}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => void submit()}
        okText={t('prj.save')}
        confirmLoading={busy}
        width={960}
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="project-form">
          <Row gutter={12}>
            <Col xs={24} xl={16}>
              <Form.Item
                name="name"
                label={t('prj.name')}
                rules={[{ required: true, whitespace: true, max: 200 }]}
              >
                <Input maxLength={200} data-testid="project-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="parentId" label={t('prj.parent')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(parents?.items ?? [])
                    .filter((p) => p.id !== project?.id)
                    .map((p) => ({ value: p.id, label: p.name }))}
                  data-testid="project-parent"
                />
              </Form.Item>
            </Col>
            {!editing && (
              <>
                <Col xs={24} md={12} xl={8}>
                  <Form.Item name="stage" label={t('prj.stage')} rules={[{ required: true }]}>
                    <Select<ProjectStage>
                      showSearch={{ optionFilterProp: 'label' }}
                      options={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
                      data-testid="project-stage"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={8}>
                  <Form.Item name="stageDate" label={t('prj.stageDate')}>
                    <DatePicker style={{ width: '100%' }} data-testid="project-stageDate" />
                  </Form.Item>
                </Col>
              </>
            )}
            {choice('nature', NATURES)}
            {choice('level', LEVELS)}
            {text('category', 50)}
            {text('industry', 50)}
            {text('town', 50)}
            {text('park', 50)}
            {text('location', 200)}
            {text('capacity', 200)}
            <Col xs={24}>
              <Form.Item name="content" label={t('prj.content')} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={4}>
              <Form.Item name="startYear" label={t('prj.startYear')}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={4}>
              <Form.Item name="endYear" label={t('prj.endYear')}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {DATES.map((d) => (
              <Col xs={12} xl={4} key={d}>
                <Form.Item name={d} label={t(`prj.${d}`)}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
            {amount('totalInvestment', t('prj.totalInvestment'))}
            {amount('investedBefore', t('prj.investedBefore'))}
            {text('funding', 200)}
            <Col xs={12} xl={4}>
              <Form.Item name="planYear" label={t('prj.planYear')}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={4}>
              <Form.Item name="inStatistics" label={t('prj.inStatistics')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            {amount('yearPlan', t('prj.yearPlan'))}
            {text('yearGoal', 200)}
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="leadUnitId" label={t('prj.leadUnit')} rules={[{ required: true }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={units.map((u) => ({ value: u.id, label: u.name }))}
                  data-testid="project-leadUnit"
                />
              </Form.Item>
            </Col>
            {text('leadContact', 100)}
            {text('leader', 50)}
            {text('ownerCompany', 100)}
            {text('ownerContact', 100)}
          </Row>
        </Form>
      </Modal>
    </>
  );
}
